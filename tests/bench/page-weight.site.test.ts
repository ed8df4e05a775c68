import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, syntheticSlug } from '../../bench/generate.ts';
import { describeWeight, weighBuiltPage, type PageWeight } from '../../bench/page-weight.ts';
import { buildSite, ROOT, writeArticles, writeContent } from '../helpers/site.ts';

const EXPLAINER = 'zelensky-invites-putin-to-turkiye';
/** How many of the bench's synthetic explainers (seed 1: 9 to 40 sources, 34 to 82 attributions) to build. */
const SYNTHETIC = 20;

/** A built article page: what it weighs, and how many sources and attributions it has. */
interface Weighed {
  weight: PageWeight;
  sources: number;
  attributions: number;
}

const pages = new Map<string, Weighed>();

function weigh(outDir: string, slug: string): Weighed {
  const html = readFileSync(join(outDir, 'articles', slug, 'index.html'), 'utf8');
  return {
    weight: weighBuiltPage(outDir, `articles/${slug}/`),
    sources: html.match(/<li id="source-/g)?.length ?? 0,
    attributions: html.match(/ id="cite-\d+"/g)?.length ?? 0,
  };
}

const report = (slug: string, { weight, sources, attributions }: Weighed) =>
  `${slug} (${sources} sources, ${attributions} attributions)\n${describeWeight(weight)}`;

beforeAll(() => {
  // The first explainer with the site's registries beside it, as in content/.
  const content = (name: string) => readFileSync(join(ROOT, 'content', name), 'utf8');
  const articles = writeContent(
    { [`${EXPLAINER}.md`]: content(`articles/${EXPLAINER}.md`) },
    { topics: content('topics.yaml'), authors: content('authors.yaml'), publishers: content('publishers.yaml') },
  );
  const site = buildSite(articles);
  expect(site.status, site.output).toBe(0);
  pages.set(EXPLAINER, weigh(site.outDir, EXPLAINER));
  // The synthetic explainers without registries, as the bench builds them.
  const slugs = Array.from({ length: SYNTHETIC }, (_, index) => syntheticSlug(index));
  const synthetic = buildSite(
    writeArticles(Object.fromEntries(slugs.map((slug, index) => [`${slug}.md`, generateArticle(1, index)]))),
  );
  expect(synthetic.status, synthetic.output).toBe(0);
  for (const slug of slugs) pages.set(slug, weigh(synthetic.outDir, slug));
});

describe('article page weight', () => {
  it('runs no JavaScript on any article page', () => {
    for (const [slug, { weight }] of pages) expect([slug, weight.js]).toEqual([slug, 0]);
  });

  it('keeps every synthetic explainer within its markup budget (5 KB + 40 B a citation, 60 B a source, 80 B a claim)', () => {
    const synthetic = [...pages].filter(([slug]) => slug !== EXPLAINER);
    expect(synthetic.length).toBe(SYNTHETIC);
    const over = synthetic
      .filter(([, page]) => page.weight.markup > page.weight.budget)
      .map(([slug, page]) => report(slug, page));
    expect(over).toEqual([]);
  });

  it('keeps the first explainer within its markup budget', () => {
    const page = pages.get(EXPLAINER)!;
    expect(page.weight.markup, report(EXPLAINER, page)).toBeLessThanOrEqual(page.weight.budget);
  });
});
