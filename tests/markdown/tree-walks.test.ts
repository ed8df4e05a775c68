import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { processorOptions } from '../../src/markdown/pipeline.ts';

// What the walks of the rendered tree must find: mdast-util-to-hast's definitions, Astro's headings,
// and the word count's texts (src/markdown/remark-word-count.ts walks the tree with a plain loop).
const site = unified(processorOptions).createRenderer({ syntaxHighlight: false });
const sources = [
  {
    id: 'reuters',
    kind: 'news',
    publisher: 'Reuters',
    title: 'T',
    url: 'https://example.org/',
    accessed: '2025-05-20',
  },
];

async function render(markdown: string) {
  const frontmatter: Record<string, unknown> = { sources, claims: [] };
  const { code, metadata } = await (await site).render(markdown, { frontmatter });
  return { code, headings: metadata.headings, words: metadata.frontmatter['words'] };
}

describe('the tree walks of rendering', () => {
  it('finds the definitions anywhere in the body, the first of each id winning, whatever its case', async () => {
    const { code } = await render(
      [
        'See [the list][List] and [again][list].',
        '',
        '> [list]: https://example.org/first',
        '',
        '[LIST]: https://example.org/second',
      ].join('\n'),
    );
    expect(code).toBe(
      '<p>See <a href="https://example.org/first">the list</a> and <a href="https://example.org/first">again</a>.</p>\n<blockquote>\n</blockquote>',
    );
  });

  it('collects every heading, in a quotation or a list too, in order, with its id', async () => {
    const { headings } = await render(['## First', '', '> ### Quoted', '', '- #### Listed', '', '## First'].join('\n'));
    expect(headings).toEqual([
      { depth: 2, slug: 'first', text: 'First' },
      { depth: 3, slug: 'quoted', text: 'Quoted' },
      { depth: 4, slug: 'listed', text: 'Listed' },
      { depth: 2, slug: 'first-1', text: 'First' },
    ]);
  });

  it('counts the words of texts and code at any depth, and not the citations', async () => {
    const { words } = await render(
      ['One two [@reuters].', '', '> Three *four `five six`*', '', '- seven [eight](https://example.org/)'].join('\n'),
    );
    expect(words).toBe(8);
  });
});
