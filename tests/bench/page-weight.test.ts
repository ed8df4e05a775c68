import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { markupBudget, pageContent, pageCounts, weighHtml } from '../../bench/page-weight.ts';

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

/** A tiny page: a publisher named twice, an address linked twice, the site's own links, JSON-LD and a stylesheet. */
const PAGE = [
  '<!doctype html><html lang="en"><head><title>Talks | Sourced</title>',
  '<link rel="stylesheet" href="/_astro/site.css">',
  '<script type="application/ld+json">{"citation":["https://news.example/talks"]}</script></head>',
  '<body><a href="#main">Skip</a><main id="main"><h1 class="title">Talks in  Istanbul</h1>',
  '<p>Kyiv &amp; Moscow met; Putin&#39;s envoy came. <span class="attribution"><button popovertarget="card-1">BBC News</button><a href="#card-1">BBC News</a></span></p>',
  '<ol><li id="source-bbc"><div id="card-1" popover><b>BBC News</b>, <cite><a href="https://news.example/talks">Talks end</a></cite>',
  ' <a href="https://web.archive.org/web/2025/https://news.example/talks">Archived copy</a>.',
  '<p>Where the text cites it: <a href="#cite-1">1</a> <a href="#cite-2">2</a></p></div></li></ol>',
  '<p><a href="https://news.example/talks">Talks end</a> <a href="/methodology/">Methodology</a></p>',
  '<style>p{margin:0}</style><template><p>Never shown</p></template></main></body></html>',
].join('');
const CSS = 'p{margin:0}.title{font-size:2rem}';

describe('pageContent', () => {
  it('keeps each distinct text of the body once and each outside address once, without tags, head, scripts or styles', () => {
    expect(pageContent(PAGE)).toBe(
      [
        'Skip',
        'Talks in Istanbul',
        "Kyiv & Moscow met; Putin's envoy came.",
        'BBC News',
        ',',
        'Talks end',
        'Archived copy',
        '.',
        'Where the text cites it:',
        '1',
        '2',
        'Methodology',
        'https://news.example/talks',
        'https://web.archive.org/web/2025/https://news.example/talks',
      ].join('\n'),
    );
  });
});

describe('weighHtml', () => {
  it('adds the HTML, each linked stylesheet and the script it runs, and counts the rest as markup', () => {
    const loaded: string[] = [];
    const weight = weighHtml(PAGE, (href) => {
      loaded.push(href);
      return Buffer.from(CSS);
    });
    expect(loaded).toEqual(['/_astro/site.css']);
    const content = pageContent(PAGE);
    expect(weight).toEqual({
      html: { raw: Buffer.byteLength(PAGE), gzip: gzip(PAGE) },
      css: { raw: CSS.length, gzip: gzip(CSS), files: 1 },
      js: 0,
      total: gzip(PAGE) + gzip(CSS),
      content: { raw: Buffer.byteLength(content), gzip: gzip(content) },
      markup: gzip(PAGE) + gzip(CSS) - gzip(content),
      budget: markupBudget(pageCounts(PAGE)),
    });
    expect(weight.markup).toBeGreaterThan(0);
  });

  it('counts every byte of script a page runs, inline or linked, and no JSON data block', () => {
    const page = PAGE.replace(
      '</body>',
      '<script>alert(1)</script><script type="module" src="/_astro/app.js"></script><script type="application/json">{"a":1}</script></body>',
    );
    const weight = weighHtml(page, (href) => Buffer.from(href.endsWith('.js') ? 'export {};\n' : CSS));
    expect(weight.js).toBe('alert(1)'.length + 'export {};\n'.length);
    expect(weight.total).toBe(gzip(page) + gzip(CSS) + weight.js);
  });

  it('allows 5 KB of markup, and 40 B a citation, 60 B a source and 80 B a claim', () => {
    const page =
      '<p>a<span id="cite-1"></span><span id="cite-2"></span></p><ol><li id="source-a"></li></ol><ol><li id="claim-b"></li><li id="claim-c"></li></ol>';
    expect(pageCounts(page)).toEqual({ citations: 2, sources: 1, claims: 2 });
    expect(markupBudget(pageCounts(page))).toBe(5120 + 80 + 60 + 160);
    expect(weighHtml(page, () => Buffer.from('')).budget).toBe(5420);
  });
});
