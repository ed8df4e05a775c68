import { describe, expect, test } from 'vitest';
import { articleRecord, claimsRecord, dataFileText, sourcesRecord, type OpenDataUrls } from '../../src/publishing/open-data.ts';
import { articleSchema } from '../../src/format/index.ts';

const urls: OpenDataUrls = {
  site: 'https://example.org/',
  page: (slug) => `https://example.org/articles/${slug}/`,
  data: (slug) => `https://example.org/articles/${slug}.json`,
  history: (slug) => `https://example.org/articles/${slug}/history/`,
  anchor: (slug, kind, id) => `https://example.org/articles/${slug}/#${kind}-${id}`,
};

const talks = {
  slug: 'talks',
  article: articleSchema.parse({
    title: 'Talks',
    description: 'What was agreed.',
    published: '2025-05-20',
    authors: ['ann-writer'],
    topics: ['diplomacy'],
    sources: [{ id: 'reuters', kind: 'news', publisher: 'Reuters', title: 'Talks', url: 'https://example.com/t', accessed: '2025-05-20' }],
    claims: [{ id: 'met', statement: 'They met.', status: 'confirmed', sources: ['reuters'] }],
    timeline: [{ date: '2025-05-16', text: 'Delegations met.', sources: ['reuters'] }],
  }),
};
const older = {
  slug: '2024/older',
  article: articleSchema.parse({
    title: 'Older',
    description: 'Earlier.',
    published: '2024-01-02',
    updated: '2024-01-03',
    authors: ['bo-editor'],
    sources: [{ id: 'ap', kind: 'news', publisher: 'AP', title: 'Earlier', url: 'https://example.com/e', accessed: '2024-01-02', party: true }],
    corrections: [{ date: '2024-01-03', text: 'Fixed a name.' }],
  }),
};

describe('articleRecord', () => {
  test('keeps the frontmatter fields and values, and adds the page address and permalinks', () => {
    expect(articleRecord(talks, urls)).toEqual({
      slug: 'talks',
      url: 'https://example.org/articles/talks/',
      title: 'Talks',
      description: 'What was agreed.',
      published: '2025-05-20',
      authors: ['ann-writer'],
      topics: ['diplomacy'],
      claims: [
        {
          id: 'met',
          statement: 'They met.',
          status: 'confirmed',
          sources: ['reuters'],
          permalink: 'https://example.org/articles/talks/#claim-met',
          statusHistory: [{ date: '2025-05-20', status: 'confirmed', commit: null }],
        },
      ],
      sources: [
        {
          id: 'reuters',
          kind: 'news',
          publisher: 'Reuters',
          title: 'Talks',
          url: 'https://example.com/t',
          accessed: '2025-05-20',
          permalink: 'https://example.org/articles/talks/#source-reuters',
          lock: null,
        },
      ],
      timeline: [{ date: '2025-05-16', text: 'Delegations met.', sources: ['reuters'] }],
      corrections: [],
    });
  });

  test('includes updated only when the article has it, and never the draft flag', () => {
    expect(articleRecord(older, urls)).toMatchObject({ updated: '2024-01-03', corrections: [{ date: '2024-01-03', text: 'Fixed a name.' }] });
    expect(articleRecord(talks, urls)).not.toHaveProperty('updated');
    expect(articleRecord(talks, urls)).not.toHaveProperty('draft');
  });
});

describe('site-wide records', () => {
  test('claimsRecord lists every claim with its article, in the order given', () => {
    expect(claimsRecord([talks, older], urls)).toEqual({
      site: 'https://example.org/',
      claims: [
        {
          id: 'met',
          statement: 'They met.',
          status: 'confirmed',
          sources: ['reuters'],
          permalink: 'https://example.org/articles/talks/#claim-met',
          statusHistory: [{ date: '2025-05-20', status: 'confirmed', commit: null }],
          article: { slug: 'talks', title: 'Talks', published: '2025-05-20', url: 'https://example.org/articles/talks/', data: 'https://example.org/articles/talks.json' },
        },
      ],
    });
  });

  test('sourcesRecord lists every source with its article, in the order given', () => {
    expect(sourcesRecord([talks, older], urls).sources.map((source) => [source.article.slug, source.id, source.permalink, source.party])).toEqual([
      ['talks', 'reuters', 'https://example.org/articles/talks/#source-reuters', undefined],
      ['2024/older', 'ap', 'https://example.org/articles/2024/older/#source-ap', true],
    ]);
  });

  test('each source carries its lock entry, or null when it was never checked', () => {
    const entry = {
      url: 'https://example.com/t', finalUrl: 'https://example.com/t', redirects: [], httpStatus: 200, contentType: 'text/html', error: null,
      checked: '2025-05-21T08:00:00Z', textSha256: 'a'.repeat(64), changedSince: null, quote: 'none' as const, quoteScore: null,
      archive: null, failures: 0, firstFailure: null, dead: false,
    };
    const locks = new Map([['reuters', entry]]);
    expect(articleRecord(talks, urls, locks).sources[0]?.lock).toEqual(entry);
    expect(sourcesRecord([talks, older], urls, (item) => (item.slug === 'talks' ? locks : new Map())).sources.map((source) => source.lock)).toEqual([entry, null]);
  });

  test('dataFileText is indented JSON with a final newline', () => {
    expect(dataFileText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
