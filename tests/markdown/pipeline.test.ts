import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/checker/check-article.ts';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { processorOptions, renderBody } from '../../src/markdown/pipeline.ts';
import { ROOT } from '../helpers/site.ts';

// Articles are rendered by the site's own processor from the checker's tree; Markdown pages
// (content/pages/) by Astro's, from the text, with the same plugins (astro.config.mjs). Both must
// give the same page.
const astro = unified(processorOptions).createRenderer({ syntaxHighlight: false });

const FIXTURES = join(ROOT, 'tests/fixtures/remark-citations');
const ARTICLES = join(ROOT, 'content/articles');
const cases = [
  ...readdirSync(FIXTURES).map((name) => [name, readFileSync(join(FIXTURES, name, 'input.md'), 'utf8')]),
  ...readdirSync(ARTICLES).map((name) => [name, readFileSync(join(ARTICLES, name), 'utf8')]),
];

describe('the article renderer', () => {
  it.each(cases)(
    "renders %s from the checker's tree exactly as Astro's processor renders the text",
    async (_, text) => {
      const checked = checkArticle('input.md', text);
      const data = { sources: checked.article!.sources, claims: checked.article!.claims };
      const ours = await renderBody(checked.tree!, data);
      const theirs = await (await astro).render(checked.body, { frontmatter: { ...data } });
      expect(ours.html).toBe(theirs.code);
      expect(ours.headings).toEqual(theirs.metadata.headings);
      expect(ours.citations).toEqual(theirs.metadata.frontmatter['citations']);
      expect(ours.words).toBe(theirs.metadata.frontmatter['words']);
    },
  );

  it('builds its processor once, and renders each body with it afresh', async () => {
    const data = { sources: [{ id: 'a', publisher: 'A', title: 'T' }], claims: [] };
    const first = await renderBody(parseBody('# Head [@a]\n\nSaid. [@a]'), data);
    const second = await renderBody(parseBody('# Head [@a]\n\nSaid. [@a]'), data);
    expect(second).toEqual(first);
    expect(first.citations).toEqual({ a: ['cite-1', 'cite-2'] });
    expect(first.headings).toEqual([{ depth: 1, slug: 'head', text: 'Head AA' }]);
  });

  it('drops raw HTML, as the checker refuses it', async () => {
    expect(
      (await renderBody(parseBody('A <script>alert(1)</script> b\n\n<div>x</div>'), { sources: [], claims: [] })).html,
    ).toBe('<p>A alert(1) b</p>');
  });
});
