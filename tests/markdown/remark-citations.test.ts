import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paragraph, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified as unifiedParser } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/checker/check-article.ts';
import * as plugin from '../../src/markdown/remark-citations.ts';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { bodyRenderer, processorOptions, renderBody } from '../../src/markdown/pipeline.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/remark-citations');
// `SOURCED_UPDATE_FIXTURES=1 npm test -- tests/markdown` rewrites every output.html; review the diff.
const UPDATE = process.env['SOURCED_UPDATE_FIXTURES'] === '1';

const plainRenderer = bodyRenderer({
  ...processorOptions,
  remarkPlugins: processorOptions.remarkPlugins.filter((entry) => entry !== plugin.default),
});

/** Checks an article as the build does, then renders the tree the check parsed with the site's Markdown pipeline. */
async function render(text: string, renderer = renderBody) {
  const checked = checkArticle('input.md', text);
  expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const { html, citations } = await renderer(checked.tree ?? parseBody(checked.body), {
    sources: checked.article!.sources,
    claims: checked.article!.claims,
  });
  return { html, frontmatter: { citations } };
}

const read = (name: string, file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');

describe('remark-citations', () => {
  it('leaves the anchors of every cited place on the frontmatter, for the back-links', async () => {
    const { frontmatter } = await render(read('claim-citation', 'input.md'));
    expect(frontmatter['citations']).toEqual({
      'talks-ended': ['cite-1'],
      'kyiv-statement': ['cite-2', 'cite-3', 'cite-5'],
      'reuters-talks': ['cite-4'],
    });
  });

  it('changes nothing in a body without citations', async () => {
    const input = read('no-citations', 'input.md');
    expect((await render(input)).html).toBe((await render(input, plainRenderer)).html);
  });

  it('takes the sources and claims from its options when it is given them', () => {
    const processor = unifiedParser()
      .use(remarkParse)
      .use(plugin.default, { sources: [{ id: 'a', publisher: 'A & B', title: 'T' }] });
    const tree = processor.runSync(processor.parse('Said. [@a]'));
    expect(JSON.stringify(((tree as Root).children[0] as Paragraph).children[1])).toBe(
      JSON.stringify({
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['attribution'] } },
        children: [
          {
            type: 'emphasis',
            data: {
              hName: 'button',
              hProperties: { id: 'cite-1', popovertarget: 'card-1' },
            },
            children: [{ type: 'text', value: 'A & B' }],
          },
          {
            type: 'emphasis',
            data: { hName: 'a', hProperties: { href: '#card-1' } },
            children: [{ type: 'text', value: 'A & B' }],
          },
        ],
      }),
    );
  });

  it('refuses a citation of an id that names nothing, which the checker reports first', () => {
    const processor = unifiedParser().use(remarkParse).use(plugin.default, { sources: [] });
    expect(() => processor.runSync(processor.parse('Said. [@nobody]'))).toThrow(
      'Citation [@nobody] matches no source or claim',
    );
  });

  it('shows a citation inside a link, and a broken one, as written (the checker refuses both first)', async () => {
    const processor = unifiedParser()
      .use(remarkParse)
      .use(plugin.default, { sources: [{ id: 'a', publisher: 'A', title: 'T' }] })
      .use(remarkRehype)
      .use(rehypeStringify);
    expect(String(await processor.process('[see [@a]](https://example.org) and [@a-*b*] [@c'))).toBe(
      '<p><a href="https://example.org">see [@a]</a> and [@a-<em>b</em>] [@c</p>',
    );
  });
});

describe('remark-citations fixtures: input.md rendered by the site pipeline is output.html', () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'input.md')));

  it('has a folder for every kind of citation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('%s', async (name) => {
    const { html } = await render(read(name, 'input.md'));
    if (UPDATE) writeFileSync(join(FIXTURES, name, 'output.html'), html);
    expect(html).toBe(read(name, 'output.html'));
  });
});
