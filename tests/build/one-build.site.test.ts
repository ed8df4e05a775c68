import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { buildDir, listFiles, ROOT, writeArticles } from '../helpers/site.ts';

// `astro build` alone makes the whole site (the sourced() integration does everything after the
// pages); `npm run build` only builds into a staging folder and swaps it in on success.

/** Runs an npm script (`npm run <args>`) over `articlesDir` with the cache folder `cacheDir`. */
function npmRun(args: string[], articlesDir: string, cacheDir: string, env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SOURCED_ARTICLES_DIR: articlesDir,
      SOURCED_CACHE_DIR: cacheDir,
      ...env,
    },
    timeout: 300_000,
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** Builds with `npm run astro -- build` into `outDir`. */
const astroBuild = (articlesDir: string, outDir: string, cacheDir: string, env?: Record<string, string>) =>
  npmRun(['astro', '--', 'build', '--outDir', outDir], articlesDir, cacheDir, env);

/** Builds with `npm run build` into `outDir`. */
const npmBuild = (articlesDir: string, outDir: string, cacheDir: string, env?: Record<string, string>) =>
  npmRun(['build', '--', '--out-dir', outDir], articlesDir, cacheDir, env);

/** The files of `site` that differ from those of `expected` byte for byte, and any either has that the other has not. */
function differences(site: string, expected: string): string[] {
  const files = listFiles(expected);
  const mine = listFiles(site);
  return [
    ...mine.filter((file) => !files.includes(file)).map((file) => `extra ${file}`),
    ...files.filter((file) => !mine.includes(file)).map((file) => `missing ${file}`),
    ...files
      .filter(
        (file) => mine.includes(file) && !readFileSync(join(site, file)).equals(readFileSync(join(expected, file))),
      )
      .map((file) => `differs ${file}`),
  ];
}

// Small shards and bulk parts, so that the site has several of each.
const ENV = { SOURCED_SEARCH_SHARD_SIZE: '1', SOURCED_BULK_PART_BYTES: '500' };
const ARTICLES = {
  'talks.md': article(),
  'ceasefire.md': article(VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: Ceasefire talks')),
  '2024/older.md': article(
    VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: An older story').replace(
      'published: 2025-05-20',
      'published: 2024-01-02',
    ),
  ),
  'draft-piece.md': article(`${VALID_FRONTMATTER}draft: true\n`),
};

describe('astro build and npm run build', () => {
  let articles: string;
  let astroOut: string;
  let astroCache: string;
  let npmOut: string;

  beforeAll(() => {
    articles = writeArticles(ARTICLES);
    astroOut = join(buildDir('astro-'), 'dist');
    astroCache = join(buildDir('astro-cache-'), 'cache');
    const plain = astroBuild(articles, astroOut, astroCache, ENV);
    expect(plain.status, plain.output).toBe(0);
    npmOut = join(buildDir('npm-'), 'dist');
    const built = npmBuild(articles, npmOut, join(buildDir('npm-cache-'), 'cache'), ENV);
    expect(built.status, built.output).toBe(0);
  });

  it('make the same site, byte for byte, every file', () => {
    const files = listFiles(astroOut);
    // The whole site: pages, the articles' JSON files, the bulk open data, the search index in shards.
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'articles/talks/index.html',
        'articles/talks.json',
        'articles/2024/older.json',
        'data/index.json',
        'data/claims-0001.ndjson',
        'data/claims-0002.ndjson',
        'data/sources-0002.ndjson',
        'pagefind/shards.json',
        'pagefind/pagefind.js',
        'sitemap-index.xml',
      ]),
    );
    expect(JSON.parse(readFileSync(join(astroOut, 'pagefind/shards.json'), 'utf8')).bundles.length).toBeGreaterThan(1);
    expect(files.filter((file) => file.includes('draft-piece'))).toEqual([]);
    expect(differences(npmOut, astroOut)).toEqual([]);
  });

  it('make the same site when a rebuild takes pages, JSON files and search bundles from the cache', () => {
    // The cache of the first `astro build`: every page, JSON file and bundle comes from it.
    const outDir = join(buildDir('npm-warm-'), 'dist');
    const warm = npmBuild(articles, outDir, astroCache, ENV);
    expect(warm.status, warm.output).toBe(0);
    expect(warm.output).toMatch(/^3 article data files: 0 written, 3 unchanged$/m);
    expect(warm.output).toMatch(/^Search index: pagefind\/ \d+ pages?, unchanged, copied from the last build$/m);
    expect(warm.output).not.toMatch(/^Search index: pagefind\S* \d+ pages?$/m);
    expect(differences(outDir, astroOut)).toEqual([]);
  });

  it("fail with the failed step's reason when Pagefind fails, and npm run build leaves the previous site as it was", () => {
    const before = listFiles(npmOut).map((file) => [file, readFileSync(join(npmOut, file), 'utf8')]);
    // One article changed, so that its shard cannot come from the cache and Pagefind must run.
    const edited = writeArticles({
      ...ARTICLES,
      'talks.md': `${article().trimEnd()}\n\nA sentence added for the rebuild.\n`,
    });
    const env = { ...ENV, PAGEFIND_EXTENDED_BINARY_PATH: join(dirname(npmOut), 'no-such-pagefind') };
    const result = npmBuild(edited, npmOut, join(buildDir('npm-cache-'), 'cache'), env);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'Indexing the site for search failed: Pagefind failed while starting: Pagefind backend closed.',
    );
    expect(result.output).toContain(
      `Build failed: fix what is reported above and build again. ${npmOut} was left as it was.`,
    );
    expect(listFiles(npmOut).map((file) => [file, readFileSync(join(npmOut, file), 'utf8')])).toEqual(before);
    expect(readdirSync(dirname(npmOut))).toEqual(['dist']);
    // `astro build` alone fails the same way.
    const plain = astroBuild(edited, join(buildDir('astro-'), 'dist'), join(buildDir('astro-cache-'), 'cache'), env);
    expect(plain.status).not.toBe(0);
    expect(plain.output).toContain(
      'Indexing the site for search failed: Pagefind failed while starting: Pagefind backend closed.',
    );
  });
});
