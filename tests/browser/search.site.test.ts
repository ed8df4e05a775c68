import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, VALID_BODY, VALID_FRONTMATTER } from '../helpers/articles.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildDir, runBuildCommand, writeArticles } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const BASE = '/repo/';
/**
 * One article page a shard: three articles make four shards, and by the hashes of their paths
 * alpha-talks is in the first, bravo-accord in the second, charlie-summit in the fourth, and the
 * third is empty.
 */
const ENV = { BASE_PATH: BASE, SOURCED_SEARCH_SHARD_SIZE: '1' };

/** Three articles; each has a word no other has, and all share the body's words. */
const ARTICLES = {
  'alpha-talks.md': article(
    VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: Alpha talks'),
    `${VALID_BODY}\nThe alphaword delegation left early.\n`,
  ),
  'bravo-accord.md': article(
    VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: Bravo talks'),
    `${VALID_BODY}\nThe zanzibarquokka delegation stayed.\n`,
  ),
  'charlie-summit.md': article(
    VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: Charlie talks').replace(
      '    status: confirmed\n',
      '    status: confirmed\n    claimant: Dmitry Peskov\n',
    ),
    `${VALID_BODY}\nThe charlieword delegation arrived late.\n`,
  ),
};

let outDir: string;
let buildOutput: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  outDir = join(buildDir('search-'), 'dist');
  // `npm run build`'s own script, as an editor runs it.
  const built = runBuildCommand(writeArticles(ARTICLES), outDir, ENV);
  buildOutput = built.output;
  if (built.status !== 0) throw new Error(`The fixture site did not build:\n${built.output}`);
  server = await serveStatic(outDir, BASE);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the search page and collects what the browser reports as errors (a refused script, a failed load). */
async function openSearch(
  options: { withoutManifest?: boolean } = {},
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const context = await browser.newContext();
  if (options.withoutManifest)
    await context.route('**/shards.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${server.origin}${BASE}search/`);
  await page.locator('.pagefind-ui__search-input').waitFor();
  return { page, errors, requests };
}

/** A result's own link (a result also links to the sections that matched, below it). */
const RESULT_LINK = '.pagefind-ui__result-link:not(.pagefind-ui__result-nested .pagefind-ui__result-link)';

/**
 * Types a query into Pagefind's box and gives the results' addresses once Pagefind has answered
 * and shown them all: its message ("3 results for …") comes before the results it counts, which
 * load one by one.
 */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('.pagefind-ui__search-input').fill(query);
  const message = page.locator('.pagefind-ui__message').filter({ hasText: new RegExp(`for ${query}$`) });
  await message.waitFor();
  const count = Number(/^(\d+|No) results?/.exec(await message.innerText())?.[1]?.replace('No', '0') ?? NaN);
  expect(count, await message.innerText()).not.toBeNaN();
  // Pagefind shows the first five, then a button for more.
  await expect.poll(() => page.locator(RESULT_LINK).count()).toBe(Math.min(count, 5));
  return page.locator(RESULT_LINK).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('search over an index in several bundles', () => {
  it('indexes each article in the bundle of its shard, none for the empty shard, and lists the bundles in pagefind/shards.json', () => {
    expect(
      readdirSync(outDir)
        .filter((name) => name.startsWith('pagefind'))
        .sort(),
    ).toEqual(['pagefind', 'pagefind-2', 'pagefind-4']);
    expect(JSON.parse(readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8')).bundles).toEqual([
      'pagefind/',
      'pagefind-2/',
      'pagefind-4/',
    ]);
    // A first build indexes each shard once Astro has written the pages.
    expect(buildOutput).toMatch(/^Search index: pagefind-2\/ 1 page$/m);
    expect(readdirSync(join(outDir, '..')).filter((name) => name.startsWith('.dist-staging'))).toEqual([]);
    expect(buildOutput).toContain('Search index: 3 pages in 3 bundles');
  });

  it('finds a word that only the article in the second bundle has, and links to it under the base path', async () => {
    const { page, errors, requests } = await openSearch();
    expect(await search(page, 'zanzibarquokka')).toEqual([`${BASE}articles/bravo-accord/`]);
    expect(await page.locator(RESULT_LINK).textContent()).toBe('Bravo talks');
    expect(requests).toEqual(
      expect.arrayContaining([
        `${BASE}pagefind/shards.json`,
        `${BASE}pagefind-2/pagefind-entry.json`,
        `${BASE}pagefind-4/pagefind-entry.json`,
      ]),
    );
    await page.locator(RESULT_LINK).click();
    await page.waitForURL(`${server.origin}${BASE}articles/bravo-accord/`);
    expect(await page.locator('h1').textContent()).toBe('Bravo talks');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows each result's conclusion and its claims by rating, in the site's type", async () => {
    const { page, errors } = await openSearch();
    await search(page, 'zanzibarquokka');
    const result = page.locator('.pagefind-ui__result').first();
    expect(await result.locator('.search-conclusion').textContent()).toBe(
      "Our conclusion: The leaders' ceasefire demand is on the record.",
    );
    expect(await result.locator('.search-ratings').textContent()).toBe('1 claim checked: 1 Confirmed');
    // Shown once, in the excerpt, not again as Pagefind's metadata tags.
    expect(await result.locator('.pagefind-ui__result-tags').count()).toBe(0);
    // Headline and excerpt in the site's serif, the verdict in its sans: the pages' own type, not Pagefind's.
    const fonts = await page.evaluate(() => {
      const font = (selector: string) => getComputedStyle(document.querySelector(selector)!).fontFamily;
      const root = getComputedStyle(document.documentElement);
      return {
        title: font('.pagefind-ui__result-title'),
        excerpt: font('.pagefind-ui__result-excerpt'),
        conclusion: font('.search-conclusion'),
        serif: root.getPropertyValue('--serif').trim(),
        sans: root.getPropertyValue('--sans').trim(),
      };
    });
    expect(fonts.serif).not.toBe('');
    expect(fonts).toMatchObject({ title: fonts.serif, excerpt: fonts.serif, conclusion: fonts.sans });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds the articles of every bundle for a word they share', async () => {
    const { page, errors } = await openSearch();
    expect((await search(page, 'delegation')).sort()).toEqual([
      `${BASE}articles/alpha-talks/`,
      `${BASE}articles/bravo-accord/`,
      `${BASE}articles/charlie-summit/`,
    ]);
    expect(await search(page, 'charlieword')).toEqual([`${BASE}articles/charlie-summit/`]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("leaves the page's furniture out (dates, counts, cited places) and keeps what the explainers and their sources say", async () => {
    const { page, errors } = await openSearch();
    const all = [`${BASE}articles/alpha-talks/`, `${BASE}articles/bravo-accord/`, `${BASE}articles/charlie-summit/`];
    // Words every article page shows around its content.
    for (const word of ['close', 'published', 'report', 'cites', 'read', 'means'])
      expect([word, await search(page, word)]).toEqual([word, []]);
    // A claim's statement, a source's publisher, title and quote; a claim's claimant.
    for (const word of ['demanded', 'reuters', 'direct', 'unconditional'])
      expect([word, (await search(page, word)).sort()]).toEqual([word, all]);
    expect(await search(page, 'peskov')).toEqual([`${BASE}articles/charlie-summit/`]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('searches the first bundle alone when the manifest cannot be read', async () => {
    const { page } = await openSearch({ withoutManifest: true });
    expect(await search(page, 'alphaword')).toEqual([`${BASE}articles/alpha-talks/`]);
    expect(await search(page, 'zanzibarquokka')).toEqual([]);
    await page.context().close();
  });
});

describe('npm run build when indexing fails', () => {
  it('says that indexing failed and leaves the previous site as it was', () => {
    const before = readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8');
    // One article changed, so that its shard cannot be copied from the last build and Pagefind must run.
    const edited = {
      ...ARTICLES,
      'charlie-summit.md': ARTICLES['charlie-summit.md'].replace('arrived late', 'arrived later'),
    };
    const result = runBuildCommand(writeArticles(edited), outDir, {
      ...ENV,
      PAGEFIND_EXTENDED_BINARY_PATH: join(outDir, 'no-such-pagefind'),
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'Indexing the site for search failed: Pagefind failed while starting: Pagefind backend closed.',
    );
    expect(result.output).toContain(
      `Build failed: fix what is reported above and build again. ${outDir} was left as it was.`,
    );
    expect(readFileSync(join(outDir, 'pagefind/shards.json'), 'utf8')).toBe(before);
    expect(existsSync(join(outDir, '..', '.dist-staging'))).toBe(false);
  });

  it('refuses a shard size that is not a whole number before building anything', () => {
    const result = runBuildCommand(writeArticles(ARTICLES), outDir, { ...ENV, SOURCED_SEARCH_SHARD_SIZE: '0' });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'SOURCED_SEARCH_SHARD_SIZE is "0"; set it to a whole number of article pages, at least 1, or unset it.',
    );
    expect(result.output).toContain(
      `Build failed: fix what is reported above and build again. ${outDir} was left as it was.`,
    );
    // Astro stopped while reading its config, before it built a page.
    expect(result.output).not.toContain('[content] Syncing content');
  });
});
