/**
 * The sourced() Astro integration: everything a build does after Astro has written the pages, in
 * `astro:build:done`, so that `astro build` alone makes the whole site (`npm run build` only builds
 * into a staging folder and swaps it in, src/cli/build.ts). In order:
 * 1. the check report: every article's check (as `npm run check` gives it, from the check cache
 *    the content loader has just filled) and the warnings from git history; an error fails the build;
 * 2. the open data, on a worker thread (write-open-data.ts): each published article's JSON file,
 *    then the bulk files; meanwhile
 * 3. the search index, in shards, each indexed by Pagefind in a process of its own (search-index.ts);
 * 4. the summary: articles published, drafts skipped (each named), every warning again.
 * A failed step fails the build with its reason. On the dev server it only adds the route that
 * serves the articles' JSON files (article-json-route.ts).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { articleStoreDir, historyStoreDir, storedFile } from '../astro/article-store.ts';
import { articleKey, publishedEntries } from '../astro/published-record.ts';
import { checkTargets } from '../checker/check-files.ts';
import { reportCheck } from '../checker/report.ts';
import { articlesDir, PAGES_DIR } from '../format/article-files.ts';
import { unpublishedFiles } from '../checker/unpublished-files.ts';
import type { ArticleDataTask } from '../publishing/article-data.ts';
import { PART_BYTES } from '../publishing/bulk-data.ts';
import { indexSiteForSearch } from '../publishing/search-index.ts';
import { SEARCH_SHARD_SIZE } from '../publishing/search-plan.ts';
import { openDataSummary, writeOpenData } from '../publishing/write-open-data.ts';
import { buildSummary } from './build-summary.ts';
import { checkUnannouncedChanges } from './history-check.ts';

export interface SourcedOptions {
  /** Largest size of one bulk open-data file, in bytes (tests set a small one to see the split). */
  partBytes?: number;
  /** Article pages a search shard aims at (tests set a tiny one to see several shards). */
  searchShardSize?: number;
}

/**
 * The published articles as their JSON files are made from them, from what the content loaders
 * recorded in this build (published-record.ts). The key of each file is that of the article's page
 * (articleKey): the digests of the article and of its history.
 */
function publishedArticles(cacheDir: string): ArticleDataTask[] {
  const articles = publishedEntries('articles');
  if (!articles)
    throw new Error(
      'The articles collection was not loaded in this build, so the open data cannot be written; check that src/content.config.ts uses articleLoader.',
    );
  const histories = publishedEntries('history');
  return [...articles].map(([slug, { stored, digest }]) => {
    const history = histories?.get(slug);
    return {
      slug,
      // The data store names each stored file; its path is in this build's cache folder.
      stored: storedFile(articleStoreDir(cacheDir), stored),
      historyFile: history === undefined ? undefined : storedFile(historyStoreDir(cacheDir), history.stored),
      cacheKey: digest === undefined ? undefined : articleKey(digest, history?.digest),
    };
  });
}

/** A step's failure as the build reports it: what failed, then why. */
const failed = (step: string, error: unknown): Error =>
  new Error(`${step} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });

export function sourced(options: SourcedOptions = {}): AstroIntegration {
  let root = '';
  let siteRoot = '';
  let cacheDir = '';
  return {
    name: 'sourced',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev')
          injectRoute({
            pattern: '/articles/[...slug].json',
            entrypoint: new URL('./article-json-route.ts', import.meta.url),
            prerender: true,
          });
      },
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('astro.config.mjs sets no `site`; the open data needs absolute addresses.');
        root = fileURLToPath(config.root);
        siteRoot = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir }) => {
        const siteDir = fileURLToPath(dir);
        const say = (line: string) => process.stdout.write(`${line}\n`);
        const articles = publishedArticles(cacheDir);
        // The open data on a worker thread and the search index in Pagefind's processes run while
        // this thread makes the report; each is awaited below, so that no failure goes unheard.
        const settled = <T>(promise: Promise<T>) =>
          promise.then(
            (done) => ({ done }),
            (error: unknown) => ({ error }),
          );
        const openData = settled(
          writeOpenData({ siteDir, siteRoot, cacheDir, partBytes: options.partBytes ?? PART_BYTES, articles }),
        );
        const searchLines: string[] = [];
        const search = settled(
          indexSiteForSearch(siteDir, {
            shardSize: options.searchShardSize ?? SEARCH_SHARD_SIZE,
            cacheDir,
            log: (line) => searchLines.push(line),
          }),
        );

        // Every article's check, from the check cache (an article the loader did not render again was
        // checked by an earlier build): the report, and the warnings from git history.
        const articlesRoot = resolve(root, articlesDir());
        const { checked, registries } = await checkTargets([articlesRoot]);
        await checkUnannouncedChanges(checked);
        // Files that look like articles but are never published (src/checker/unpublished-files.ts): warnings.
        const unpublished = unpublishedFiles(
          [articlesRoot],
          { cwd: process.cwd(), articlesRoot, projectRoot: root, otherContent: [join(root, PAGES_DIR)] },
          { scanContent: true },
        );
        const otherProblems = [...registries.flatMap((registry) => registry.diagnostics), ...unpublished];
        const report = reportCheck(checked, 'text', otherProblems);
        process.stdout.write(report.stdout);
        process.stderr.write(report.stderr);
        const [indexed, written] = [await search, await openData];
        if (report.errors > 0)
          throw new Error(
            `${report.errors} ${report.errors === 1 ? 'error' : 'errors'} in articles, listed above; fix them and build again.`,
          );
        if ('error' in indexed) throw failed('Indexing the site for search', indexed.error);
        for (const line of searchLines) say(line);
        // Its error says what failed (write-open-data.ts).
        if ('error' in written) throw written.error;
        say(openDataSummary(written.done, articles.length));
        process.stderr.write(`\n${buildSummary(checked, { registries: otherProblems })}`);
      },
    },
  };
}
