#!/usr/bin/env node
/**
 * `npm run bench:search -- --dist DIR [--query WORD ...]`
 *
 * Measures the search page of a built site, as a reader's browser (Debian's Chromium) loads it from
 * a local server: what it fetches before a query (requests, bytes, bundles merged), then for each
 * query the time until Pagefind shows its results, the requests and bytes that query cost, and how
 * many results it found. For the archives the benchmark builds (npm run bench -- --keep), which
 * are too large to build in a test; tests/browser/search.test.ts checks the behaviour itself.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, query: { type: 'string', multiple: true } } });
if (!values.dist) {
  process.stderr.write('Usage: npm run bench:search -- --dist DIR [--query WORD ...]\n');
  process.exit(2);
}
const dist = values.dist;
const queries = values.query ?? ['ceasefire', 'delegation', 'istanbul'];
const manifest = JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8')) as { bundles: string[] };

const server = await serveStatic(dist, '/');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const fetched: { url: string; bytes: number }[] = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url()).pathname;
    // Sizes from the files served (the local server sends them as they are).
    let bytes = 0;
    try {
      bytes = statSync(join(dist, decodeURIComponent(url), url.endsWith('/') ? 'index.html' : '')).size;
    } catch {
      bytes = 0;
    }
    fetched.push({ url, bytes });
  });
  const started = performance.now();
  await page.goto(`${server.origin}/search/`);
  await page.locator('.pagefind-ui__search-input').waitFor();
  // Pagefind loads each bundle's entry and metadata once the first query starts; count what the page had before.
  const beforeQuery = [...fetched];
  process.stdout.write(`Search page of ${dist}: ${manifest.bundles.length} bundles\n`);
  process.stdout.write(
    `Before a query: ${beforeQuery.length} requests, ${(beforeQuery.reduce((sum, item) => sum + item.bytes, 0) / 1024).toFixed(1)} KB, in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
  for (const query of queries) {
    const from = fetched.length;
    const t0 = performance.now();
    await page.locator('.pagefind-ui__search-input').fill(query);
    await page
      .locator('.pagefind-ui__message')
      .filter({ hasText: new RegExp(`for ${query}$`) })
      .waitFor({ timeout: 120_000 });
    const seconds = (performance.now() - t0) / 1000;
    const message = (await page.locator('.pagefind-ui__message').textContent()) ?? '';
    const cost = fetched.slice(from);
    const bundles = new Set(
      cost.map((item) => item.url.split('/')[1]).filter((folder) => folder?.startsWith('pagefind')),
    );
    process.stdout.write(
      `Query "${query}": ${message.trim()} in ${seconds.toFixed(2)} s; ${cost.length} requests, ${(cost.reduce((sum, item) => sum + item.bytes, 0) / 1024).toFixed(1)} KB, from ${bundles.size} bundles\n`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
