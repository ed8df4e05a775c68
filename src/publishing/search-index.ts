/**
 * The index step of the site's search: reads the built site's pages once, plans the shards
 * (search-plan.ts), takes each bundle whose digest a build made before from the cache folder, has
 * Pagefind index the others, each shard in a process of its own (search-shard.ts), SEARCH_JOBS at a
 * time, and writes the manifest (`pagefind/shards.json`). Runs after every page is written (the
 * sourced() integration, src/build/sourced.ts).
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { bundleFolder, SHARD_MANIFEST, type ShardManifest } from '../site/search-bundles.ts';
import {
  byCodeUnits,
  isIndexedPage,
  pageDigest,
  planSearchIndex,
  SEARCH_SHARD_SIZE,
  type PlannedShard,
} from './search-plan.ts';
import { EXCLUDED_FROM_SEARCH, type ShardRequest } from './search-shard.ts';

export { isIndexedPage, MAX_SHARDS, SEARCH_SHARD_SIZE, searchShardSize, shardCount, shardOf } from './search-plan.ts';

/**
 * Shards indexed at once, each in a process of its own (search-shard.ts), at most one per core:
 * two shards of 50,000 articles' index take about 2 GB together.
 */
export const SEARCH_JOBS = 2;

/** Pagefind's version: a bundle built by another version is never reused. */
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/** What makes a bundle besides its pages: Pagefind's version and what it leaves out of each page. */
const INDEXER = `pagefind ${PAGEFIND_VERSION}\0${EXCLUDED_FROM_SEARCH.join('\n')}`;

/** One bundle of the index and how it was made. */
export interface ShardFigures {
  /** Its folder, relative to the site's root, such as `pagefind-2/`. */
  bundle: string;
  pages: number;
  /** True when it was taken from the cache folder, a build before having made it from the same pages. */
  reused: boolean;
}

/** The search index of a site. */
export interface SearchIndexFigures {
  pages: number;
  shards: ShardFigures[];
}

/** The folder, in Astro's cache folder, of the bundles the last build made, each named after its digest. */
export const searchCacheDir = (cacheDir: string): string => join(cacheDir, 'sourced-search');

/** Every HTML file under `siteDir`, as `/`-separated paths relative to it, in code-unit order (the same on every machine). */
function htmlFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort(byCodeUnits);
}

const pagesText = (count: number) => `${count} ${count === 1 ? 'page' : 'pages'}`;

const SHARD_SCRIPT = new URL('./search-shard.ts', import.meta.url).pathname;

/**
 * Indexes one shard in a process of its own (search-shard.ts). Rejects with Pagefind's reason, or,
 * when the process ends without an answer (killed for want of memory, say), with how it ended.
 */
function indexShardApart(request: ShardRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHARD_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let answer: { done?: true; error?: string } | undefined;
      try {
        answer = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as typeof answer;
      } catch {
        answer = undefined;
      }
      if (code === 0 && answer?.done) resolve();
      else if (answer?.error) reject(new Error(answer.error));
      else {
        const said = stderr.trim().split('\n').slice(-5).join(' ');
        reject(
          new Error(
            `Pagefind failed while indexing ${request.bundle}: its process ended (${signal ?? `exit code ${code}`}) without an answer (out of memory?)${said ? `: ${said}` : '.'}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}

/** Runs `tasks`, at most `jobs` at a time, in order; rejects with the first failure once the tasks begun have ended. */
async function runLimited(tasks: (() => Promise<void>)[], jobs: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < tasks.length && !failure) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
  if (failure) throw failure.error;
}

/**
 * Puts the files of `from` into `to` as hard links (a copy where links cannot be made, across
 * file systems say): a bundle's files are written once and never changed, so the site and the
 * cache can share them.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Takes a cached bundle into the site; false (and nothing left half copied) when the cache has none that can be read. */
function fromCache(cached: string | undefined, target: string): boolean {
  if (cached === undefined || !existsSync(cached)) return false;
  try {
    linkTree(cached, target);
    return true;
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/** Keeps a new bundle in the cache, under its digest; a cache that cannot be written only costs the next build time. */
function keepInCache(bundleDir: string, cached: string): void {
  const partial = `${cached}.partial-${process.pid}`;
  try {
    rmSync(partial, { recursive: true, force: true });
    linkTree(bundleDir, partial);
    rmSync(cached, { recursive: true, force: true });
    renameSync(partial, cached);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Indexes the article pages of the built site in `siteDir` (the pages with `data-pagefind-body`)
 * into shards of about `shardSize` pages (search-plan.ts), and writes the bundles and the manifest
 * into the site. With `cacheDir`, a shard whose digest (its pages' paths and HTML, and Pagefind's
 * version) a build made before is taken from the cache instead of being indexed again (a rebuild
 * after one edit indexes one shard), and every bundle made is kept there for the next build; the
 * bundles of other digests are deleted. Throws on any error Pagefind reports, naming the page or
 * the shard, after the shards begun have ended.
 */
export async function indexSiteForSearch(
  siteDir: string,
  options: { shardSize?: number; cacheDir?: string | undefined; log?: (line: string) => void } = {},
): Promise<SearchIndexFigures> {
  const log = options.log ?? (() => {});
  const pages = new Map<string, Buffer>();
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(join(siteDir, file));
    if (isIndexedPage(html.toString('utf8'))) pages.set(file, pageDigest(file, html));
  }
  const plan = planSearchIndex(pages, options.shardSize ?? SEARCH_SHARD_SIZE, INDEXER);
  const cache = options.cacheDir === undefined ? undefined : searchCacheDir(options.cacheDir);
  const cachedOf = (shard: PlannedShard) => (cache === undefined ? undefined : join(cache, shard.digest));

  const figures: (ShardFigures | undefined)[] = plan.map(() => undefined);
  // Lines are logged in shard order, whichever shard is done first.
  let logged = 0;
  const done = (number: number, shard: ShardFigures) => {
    figures[number] = shard;
    for (; logged < plan.length && figures[logged]; logged++) {
      const { bundle, pages: count, reused } = figures[logged]!;
      log(`Search index: ${bundle} ${pagesText(count)}${reused ? ', unchanged, copied from the last build' : ''}`);
    }
  };
  const toIndex: (() => Promise<void>)[] = [];
  for (const [number, shard] of plan.entries()) {
    const target = join(siteDir, shard.bundle);
    rmSync(target, { recursive: true, force: true });
    if (fromCache(cachedOf(shard), target)) {
      done(number, { bundle: shard.bundle, pages: shard.files.length, reused: true });
      continue;
    }
    toIndex.push(async () => {
      await indexShardApart({ siteDir, files: shard.files, outputPath: target, bundle: shard.bundle });
      const cached = cachedOf(shard);
      if (cached !== undefined) keepInCache(target, cached);
      done(number, { bundle: shard.bundle, pages: shard.files.length, reused: false });
    });
  }
  await runLimited(toIndex, Math.min(SEARCH_JOBS, availableParallelism()));
  if (cache !== undefined && existsSync(cache)) {
    const keep = new Set(plan.map((shard) => shard.digest));
    for (const name of readdirSync(cache))
      if (!keep.has(name)) rmSync(join(cache, name), { recursive: true, force: true });
  }
  const shards = figures.map((shard) => shard!);
  const manifest: ShardManifest = {
    bundles: plan.map((shard) => shard.bundle),
    digests: plan.map((shard) => shard.digest),
  };
  writeFileSync(join(siteDir, bundleFolder(0), SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const total = shards.reduce((sum, shard) => sum + shard.pages, 0);
  log(`Search index: ${pagesText(total)} in ${shards.length} ${shards.length === 1 ? 'bundle' : 'bundles'}`);
  return { pages: total, shards };
}
