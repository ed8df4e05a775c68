/**
 * `npm run build [-- --out-dir DIR]`: builds the site with Astro into a temporary folder next to
 * DIR (default `dist`), its content loader checking every article it renders; reports every
 * article's check (as `npm run check` does, from the check cache); indexes the site for search
 * with Pagefind, in shards (src/publishing/search-index.ts); and only then replaces DIR. It ends
 * with a summary: articles published, drafts skipped (each named), every warning again.
 * A content error, a failed render or a failed step leaves the previous DIR untouched.
 * Articles come from `content/articles/` or from SOURCED_ARTICLES_DIR.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { articlesDir, PAGES_DIR } from '../format/article-files.ts';
import { checkTargets } from '../checker/check-files.ts';
import { reportCheck } from '../checker/report.ts';
import { unpublishedFiles } from '../checker/unpublished-files.ts';
import type { ArticleDataTask } from '../publishing/article-data.ts';
import { bulkDataSummary, type BulkDataJob } from '../publishing/bulk-data.ts';
import type { BulkDataDone, BulkDataWork } from '../publishing/bulk-data-worker.ts';
import { followSearchIndex, indexSiteForSearch, searchShardSize } from '../publishing/search-index.ts';
import { buildSummary } from './build-summary.ts';
import { checkUnannouncedChanges } from './history-check.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = resolve(values['out-dir'] ?? join(ROOT, 'dist'));
const staging = join(dirname(outDir), `.${outDir.split('/').pop()}-staging`);
// Read before the long steps, so that a wrong value stops the build at once.
let shardSize: number;
try {
  shardSize = searchShardSize();
} catch (error) {
  process.stderr.write(`Build stopped: ${error instanceof Error ? error.message : String(error)} ${outDir} was left as it was.\n`);
  process.exit(1);
}

/** Folders an earlier build moved aside to delete, if any are still there. */
function leftovers(): string[] {
  const prefix = `${staging.split('/').pop()}-previous-`;
  return readdirSync(dirname(outDir))
    .filter((name) => name.startsWith(prefix) && name !== `${prefix}${process.pid}`)
    .map((name) => join(dirname(outDir), name));
}

/** Deletes folders in a detached `rm -rf` that goes on after this process exits (here, at once where there is no `rm`). */
function deleteInBackground(folders: string[]): void {
  if (folders.length === 0) return;
  if (process.platform === 'win32') {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    return;
  }
  spawn('rm', ['-rf', '--', ...folders], { detached: true, stdio: 'ignore' }).unref();
}

/** Stops the build after a failed step, leaving the previous output folder as it was. */
function fail(step: string, status: number): never {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`Build failed while ${step}; ${outDir} was left as it was.\n`);
  process.exit(status);
}

rmSync(staging, { recursive: true, force: true });
// The content loader lists the published articles here once it has rendered them; search
// indexing then begins with their pages while Astro writes them (search-index.ts).
const publishedList = `${staging}-published.json`;
// The open-data integration leaves the bulk files to this script, which writes them while Pagefind
// indexes the site (src/publishing/open-data-integration.ts).
const bulkDataJob = `${staging}-bulk-data.json`;
// The JSON route lists the articles' own JSON files here, and this script writes them, with the bulk
// files, on a thread of its own (src/publishing/article-data.ts).
const articleDataJob = `${staging}-article-data.json`;
const handOvers = [publishedList, bulkDataJob, articleDataJob];
for (const file of handOvers) rmSync(file, { force: true });
const follower = followSearchIndex(staging, { shardSize, previous: outDir, publishedList });
// Astro's content loader checks each article it renders (on worker threads, parsing each body
// once for the check and the page) and fails on any error; the results go to the check cache.
// Astro keeps every page of a large archive in memory at once; the default heap is too small for 10,000 articles.
const astro = spawn(process.execPath, ['--max-old-space-size=8192', join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, SOURCED_BUILD_REPORTS: '1', SOURCED_PUBLISHED_LIST: publishedList, SOURCED_BULK_DATA_JOB: bulkDataJob, SOURCED_ARTICLE_DATA_JOB: articleDataJob },
});
const astroStatus = await new Promise<number>((resolve) => {
  astro.on('error', () => resolve(1));
  astro.on('close', (code) => resolve(code ?? 1));
});
const readHandOver = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined);
const bulkData = readHandOver<BulkDataJob>(bulkDataJob);
const articleData = readHandOver<ArticleDataTask[]>(articleDataJob);
for (const file of handOvers) rmSync(file, { force: true });
// The articles' JSON files, then the bulk open-data files made from them, are written on a worker
// thread while this one makes the report and reads the pages for the search index, and Pagefind's
// processes index them. Astro lists both jobs once it has built the site.
const writingOpenData =
  bulkData && articleData
    ? new Promise<Error | undefined>((resolve) => {
        const worker = new Worker(new URL('../publishing/bulk-data-worker.ts', import.meta.url), {
          workerData: { outDir: staging, ...bulkData, articles: articleData } satisfies BulkDataWork,
        });
        worker.once('message', ({ articles, index }: BulkDataDone) => {
          process.stdout.write(`${articleData.length} article data file${articleData.length === 1 ? '' : 's'}: ${articles.written} written, ${articles.reused} unchanged\n${bulkDataSummary(index)}\n`);
          resolve(undefined);
        });
        worker.once('error', (error) => resolve(error));
        worker.once('exit', (code) => resolve(code === 0 ? undefined : new Error(`Writing the open-data files stopped with exit code ${code}.`)));
      })
    : astroStatus === 0
      ? Promise.resolve(new Error('Astro built the site but did not hand over the open-data files to write (the JSON route and the open-data integration must both run).'))
      : undefined;

// Every article's check, from the check cache (an article Astro did not render again was checked
// by an earlier build): the report, the warnings from git history, and the summary below.
const { checked, registries } = await checkTargets([resolve(ROOT, articlesDir())]);
await checkUnannouncedChanges(checked);
// Files that look like articles but are never published (src/checker/unpublished-files.ts): warnings.
const unpublished = unpublishedFiles(
  [resolve(ROOT, articlesDir())],
  { cwd: process.cwd(), articlesRoot: resolve(ROOT, articlesDir()), projectRoot: ROOT, otherContent: [join(ROOT, PAGES_DIR)] },
  { scanContent: true },
);
const otherProblems = [...registries.flatMap((registry) => registry.diagnostics), ...unpublished];
const report = reportCheck(checked, 'text', otherProblems);
process.stdout.write(report.stdout);
process.stderr.write(report.stderr);
if (report.errors > 0) {
  await follower.stop();
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`Build stopped: fix the errors above. ${outDir} was left as it was.\n`);
  process.exit(1);
}
if (astroStatus !== 0) {
  await follower.stop();
  fail('building the site', astroStatus);
}
try {
  // Bundles whose pages did not change are copied from the site being replaced.
  await indexSiteForSearch(staging, { shardSize, previous: outDir, follower, log: (line) => process.stdout.write(`${line}\n`) });
} catch (error) {
  await writingOpenData;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  fail('indexing the site for search', 1);
}
const openDataError = await writingOpenData;
if (openDataError) {
  process.stderr.write(`${openDataError.message}\n`);
  fail('writing the open-data files', 1);
}

// The site being replaced is moved aside, and deleted by a process of its own that outlives this
// one: deleting the tens of thousands of files of a large archive took longer (14 s at 10,000
// explainers) than indexing what changed. A build also deletes what an earlier one left there.
const previous = `${staging}-previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
deleteInBackground([previous, ...leftovers()]);
process.stderr.write(`\n${buildSummary(checked, { registries: otherProblems })}`);
