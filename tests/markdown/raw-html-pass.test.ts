import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checker/parse-article.ts';
import { processorOptions } from '../../src/markdown/pipeline.ts';
import { ROOT } from '../helpers/site.ts';

// patches/@astrojs+markdown-remark+7.3.1.patch (docs/patches.md): Astro's Markdown processor ran
// rehype-raw on every body, a third of the rendering time, even where remark-rehype had already
// dropped the raw HTML (our `allowDangerousHtml: false`) and there was none left for it to parse.
// The first test fails without the patch.
const site = unified(processorOptions).createRenderer({ syntaxHighlight: false });
// The same pipeline with raw HTML let through, which keeps rehype-raw in the chain.
const withRaw = unified({ ...processorOptions, remarkRehype: { allowDangerousHtml: true } }).createRenderer({ syntaxHighlight: false });

const sources = [{ id: 'reuters', kind: 'news', publisher: 'Reuters', title: 'T', url: 'https://example.org/', accessed: '2025-05-20' }];
const claims = [{ id: 'talks', status: 'confirmed', sources: ['reuters'] }];
const render = async (renderer: typeof site, markdown: string, frontmatter: Record<string, unknown> = { sources, claims }) =>
  (await (await renderer).render(markdown, { frontmatter })).code;

describe("Astro's Markdown processor, as patched, with raw HTML turned off", () => {
  it('leaves rehype-raw out of the chain only when remark-rehype drops raw HTML: a raw node that reaches the end stays text', async () => {
    // A raw node is what rehype-raw turns into elements. With raw HTML off and no rehype-raw in the
    // chain, one left by any plugin is written out escaped, never parsed into markup; with raw HTML
    // on, rehype-raw is still there and parses it.
    const injectRaw = () => (tree: { children: unknown[] }) => {
      tree.children.push({ type: 'raw', value: '<b>raw</b>' });
    };
    const plugins = { rehypePlugins: [...processorOptions.rehypePlugins, injectRaw] };
    const off = unified({ ...processorOptions, ...plugins }).createRenderer({ syntaxHighlight: false });
    const on = unified({ ...processorOptions, ...plugins, remarkRehype: { allowDangerousHtml: true } }).createRenderer({ syntaxHighlight: false });
    expect(await render(off, 'Text.')).toBe('<p>Text.</p>&#x3C;b>raw&#x3C;/b>');
    expect(await render(on, 'Text.')).toBe('<p>Text.</p><b>raw</b>');
  });

  it('still drops raw HTML: no script, no inline tags, no comments reach the page', async () => {
    const markdown = 'Before <script>alert(1)</script> <b onclick="x()">bold</b> <!-- note --> after.\n\n<div>block</div>\n\nEnd [@reuters].';
    const html = await render(site, markdown);
    expect(html).not.toMatch(/<script|<b[ >]|onclick|<!--|<div>/);
    expect(html.startsWith('<p>Before alert(1) bold  after.</p>\n<p>End ')).toBe(true);
  });

  it('renders a body without raw HTML byte for byte as the chain with rehype-raw did: tables, lists, links, quotes, citations', async () => {
    const markdown = [
      '## Background',
      'A paragraph with *emphasis*, **strong**, `code`, a [link](https://example.org/a?b=1&c=2 "Title") and https://example.org/bare [@reuters].',
      '> A quotation, with "straight quotes" -- and three dots...',
      '- one\n- two\n  1. nested\n\n| Who | When |\n|:--|--:|\n| Kyiv | 11 May |',
      '```\n<not> & html\n```',
      'Ampersands & angle brackets: 3 < 4 > 2, &amp; &copy; &#x27;.',
    ].join('\n\n');
    expect(await render(site, markdown)).toBe(await render(withRaw, markdown));
  });

  it('renders the first explainer byte for byte as the chain with rehype-raw did', async () => {
    const text = readFileSync(join(ROOT, 'content/articles/zelensky-invites-putin-to-turkiye.md'), 'utf8');
    const { article, body } = parseArticle('zelensky-invites-putin-to-turkiye.md', text, { body: false, latestDay: '9999-12-31' });
    const frontmatter = { sources: article!.sources, claims: article!.claims };
    const html = await render(site, body, frontmatter);
    expect(html.length).toBeGreaterThan(5000);
    expect(html).toBe(await render(withRaw, body, frontmatter));
  });
});
