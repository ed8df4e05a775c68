import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { processorOptions } from '../../src/markdown/pipeline.ts';

// Astro renders content/pages/*.md itself, with the site's processor options: raw HTML must stay off there too.
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
const claims = [{ id: 'talks', status: 'confirmed', sources: ['reuters'] }];
const render = async (
  renderer: typeof site,
  markdown: string,
  frontmatter: Record<string, unknown> = { sources, claims },
) => (await (await renderer).render(markdown, { frontmatter })).code;

describe("Astro's Markdown processor, with the site's options (raw HTML turned off)", () => {
  it('still drops raw HTML: no script, no inline tags, no comments reach the page', async () => {
    const markdown =
      'Before <script>alert(1)</script> <b onclick="x()">bold</b> <!-- note --> after.\n\n<div>block</div>\n\nEnd [@reuters].';
    const html = await render(site, markdown);
    expect(html).not.toMatch(/<script|<b[ >]|onclick|<!--|<div>/);
    expect(html.startsWith('<p>Before alert(1) bold  after.</p>\n<p>End ')).toBe(true);
  });
});
