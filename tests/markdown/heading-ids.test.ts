import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { processorOptions } from '../../src/markdown/pipeline.ts';
import { avoidTemplateIds } from '../../src/markdown/rehype-heading-slugs.ts';

const renderer = unified(processorOptions).createRenderer({ syntaxHighlight: false });

async function headingsOf(markdown: string): Promise<string> {
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
  const claims = [{ id: 'talks', status: 'confirmed', sources: ['reuters'] }];
  const { code } = await (await renderer).render(markdown, { frontmatter: { sources, claims } });
  return [...code.matchAll(/<h2[^>]*>/g)].map((match) => match[0]).join('\n');
}

describe('heading ids never take an id of the page template', () => {
  it("moves `## Main` and the sections' heading ids aside, and keeps other headings as rehype-slug makes them", async () => {
    const markdown = [
      '## Main',
      '## Sources heading',
      '## Claims heading',
      '## Timeline heading',
      '## Corrections heading',
      '## Main points',
      '## Sources',
    ].join('\n\n');
    expect(await headingsOf(markdown)).toBe(
      [
        '<h2 id="section-main">',
        '<h2 id="section-sources-heading">',
        '<h2 id="section-claims-heading">',
        '<h2 id="section-timeline-heading">',
        '<h2 id="section-corrections-heading">',
        '<h2 id="main-points">',
        '<h2 id="sources">',
      ].join('\n'),
    );
  });

  it("moves aside the ids the page gives this article's sources and claims, cards and cited places", async () => {
    const markdown = [
      '## Source Reuters',
      '## Claim: talks',
      '## Card 1',
      '## About 2',
      '## Cite 3',
      '## Card game',
      '## Source notes',
      '## Claim statuses',
    ].join('\n\n');
    expect(await headingsOf(markdown)).toBe(
      [
        '<h2 id="section-source-reuters">',
        '<h2 id="section-claim-talks">',
        '<h2 id="section-card-1">',
        '<h2 id="about-2">', // no longer an id of the page's (it was the attributions' descriptions)
        '<h2 id="section-cite-3">',
        '<h2 id="card-game">',
        '<h2 id="source-notes">',
        '<h2 id="claim-statuses">',
      ].join('\n'),
    );
  });

  it('keeps the moved ids unique, also against a heading that already took the new name', async () => {
    expect(await headingsOf(['## Section main', '## Main', '## Main'].join('\n\n'))).toBe(
      ['<h2 id="section-main">', '<h2 id="section-main-1">', '<h2 id="main-1">'].join('\n'),
    );
    expect(avoidTemplateIds(['main', 'section-main', 'section-main-1', 'intro'])).toEqual([
      'section-main-2',
      'section-main',
      'section-main-1',
      'intro',
    ]);
  });
});
