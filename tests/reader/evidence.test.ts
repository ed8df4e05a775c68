import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkCitations from '../../src/markdown/remark-citations.ts';
import remarkWordCount from '../../src/markdown/remark-word-count.ts';
import { describe, expect, it } from 'vitest';
import { countOf, evidenceProfile } from '../../src/site/evidence.ts';
import { countWords, readingMinutes } from '../../src/markdown/reading-time.ts';
import type { Source } from '../../src/format/index.ts';

const source = (id: string, publisher: string, extra: Partial<Source> = {}): Source => ({
  id,
  kind: 'news',
  publisher,
  title: 'A title',
  url: `https://example.org/${id}`,
  accessed: '2025-05-20',
  ...extra,
});

describe('evidenceProfile', () => {
  it('counts claims, sources, distinct publishers, primary sources and sources from parties', () => {
    const profile = evidenceProfile({
      claims: [{ id: 'a', statement: 'A.', status: 'confirmed', sources: ['one'] }],
      sources: [
        source('one', 'BBC News'),
        source('two', ' bbc news '),
        source('three', 'Office of the President', { kind: 'primary', party: true }),
        source('four', 'Kremlin', { kind: 'official', party: true }),
        source('five', 'Reuters', { party: false }),
      ],
    });
    expect(profile).toEqual({ claims: 1, sources: 5, publishers: 4, stateAffiliated: 0, primary: 1, parties: 2 });
  });

  it('counts publishers by registry id, whichever site a source was read on, and counts sources from state-affiliated publishers', () => {
    const publishers = {
      tass: { stateAffiliated: true },
      ukrinform: { stateAffiliated: true },
      reuters: { stateAffiliated: false },
    };
    const profile = evidenceProfile(
      {
        claims: [],
        sources: [
          source('one', 'tass'),
          source('two', 'tass'),
          source('three', 'ukrinform', { via: 'menafn' }),
          source('four', 'ukrinform'),
          source('five', 'reuters', { via: 'asiaone' }),
          source('six', 'Reuters'),
        ],
      },
      publishers,
    );
    // "Reuters", a name, and reuters, the id, are one publisher.
    expect(profile).toMatchObject({ sources: 6, publishers: 3, stateAffiliated: 4 });
  });

  it('writes counts with their noun in the right number', () => {
    expect([countOf(0, 'claim'), countOf(1, 'claim'), countOf(2, 'claim')]).toEqual([
      '0 claims',
      '1 claim',
      '2 claims',
    ]);
  });
});

describe('reading time', () => {
  it('counts words, leaving out lone punctuation', () => {
    expect(countWords('Leaders met in Kyiv. They — all four — agreed.')).toBe(8);
    expect(countWords('Türkiye’s 30-day ceasefire')).toBe(3);
  });

  it('counts the words of a body, leaving out citations, which the parser reads as citations and not as text', () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkWordCount)
      .use(remarkCitations, { sources: [{ id: 'a', publisher: 'A', title: 'T' }] });
    const file = new VFile({
      value: 'Leaders met in *Kyiv*. [@a] They — all four — agreed. [@a; @a]',
      data: { astro: { frontmatter: {} } },
    });
    processor.runSync(processor.parse(file), file);
    expect((file.data as { astro: { frontmatter: { words: number } } }).astro.frontmatter.words).toBe(8);
  });

  it('rounds to whole minutes at 220 words a minute, never below one', () => {
    expect([readingMinutes(0), readingMinutes(329), readingMinutes(330), readingMinutes(1100)]).toEqual([1, 1, 2, 5]);
  });
});
