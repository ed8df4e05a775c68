/**
 * The site's search index, built with Pagefind's Node API in shards, so that Pagefind's memory
 * stays bounded however large the archive grows, and a rebuild indexes again only the shard of
 * each article that changed. Each article page belongs to the shard its path hashes to, so adding,
 * editing or deleting an article changes one shard, whatever its name. The first shard is the
 * bundle at `pagefind/`, the others go beside it (`pagefind-2/`, `pagefind-3/`, ...), and
 * `pagefind/shards.json` lists them all; the search page merges them in the browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { join, relative, sep } from 'node:path';
import { articlePage } from '../site/addresses.ts';
import { bundleFolder, SHARD_MANIFEST, type ShardManifest } from '../site/search-bundles.ts';
import { EXCLUDED_FROM_SEARCH, type ShardRequest } from './search-shard.ts';

/**
 * Article pages a shard aims at. A rebuild after one edit indexes one shard again, about 20 ms a
 * page on this project's machine (docs/performance.md), so the smaller the shard the faster the
 * rebuild; each shard is one more bundle for the search page to fetch.
 */
export const SEARCH_SHARD_SIZE = 250;

/**
 * The most shards an index has. Past 8,000 articles the shards grow instead of multiplying, so that
 * the search page never fetches more than this many bundles; Pagefind holds a shard's pages in
 * memory until it writes the bundle, about 0.6 GB per 1,000 of our article pages, so even 50,000
 * articles (about 1,600 a shard) stay well under the build's 4 GB.
 */
export const MAX_SHARDS = 32;

/**
 * Shards indexed at once, each in a process of its own (search-shard.ts), at most one per core:
 * two shards of 50,000 articles' index take about 2 GB together.
 */
export const SEARCH_JOBS = 2;

/**
 * How many shards an index of `pages` article pages has: enough for `shardSize` pages a shard,
 * rounded up to a power of two (at most MAX_SHARDS), so that the count, and with it every page's
 * shard, changes only when the archive doubles or halves.
 */
export function shardCount(pages: number, shardSize: number): number {
  const wanted = Math.max(1, Math.ceil(pages / shardSize));
  let count = 1;
  while (count < wanted && count < MAX_SHARDS) count *= 2;
  return count;
}

/** The shard, from 0, of the article page at `path` (relative to the site's root) among `count`: from a hash of the path alone. */
export function shardOf(path: string, count: number): number {
  return createHash('sha256').update(path).digest().readUInt32BE(0) % count;
}

/** Pagefind's version: a bundle built by another version is never reused. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;

/** One bundle of the index and what building it took. */
export interface ShardFigures {
  /** Its folder, relative to the site's root, such as `pagefind-2/`. */
  bundle: string;
  pages: number;
  /** True when it was copied from the previous site, its pages being exactly those it was built from. */
  reused: boolean;
  /** True when it was indexed while Astro wrote the site (`followSearchIndex`). */
  followed: boolean;
  /** Largest resident memory of the Pagefind process that built it, in MB; null where it cannot be read. */
  peakMB: number | null;
}

/** The search index of a site. */
export interface SearchIndexFigures {
  pages: number;
  shards: ShardFigures[];
}

/** The pages a shard aims at, from `SOURCED_SEARCH_SHARD_SIZE` when set (tests set a tiny one to see several shards). */
export function searchShardSize(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['SOURCED_SEARCH_SHARD_SIZE'];
  if (text === undefined || text === '') return SEARCH_SHARD_SIZE;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`SOURCED_SEARCH_SHARD_SIZE is "${text}"; set it to a whole number of article pages, at least 1, or unset it.`);
  }
  return size;
}

/**
 * An element start tag that carries `data-pagefind-body`, read attribute by attribute so that a
 * quoted value (a description that names the attribute, say) is never taken for one. In the text of
 * a page a `<` is always escaped, so words in an article never match either.
 */
const PAGEFIND_BODY = /<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*?\s+data-pagefind-body(?=[\s=/>])/;
/** The same, from the start of a text only. */
const PAGEFIND_BODY_HERE = new RegExp(`^${PAGEFIND_BODY.source}`);

const MARKER = 'data-pagefind-body';

/**
 * Whether a built page is one that search covers: an article page, marked with `data-pagefind-body`.
 * A page without the words is not; for a page with them, the tag from the `<` before each place
 * they appear is tried first (an article page's `<article data-pagefind-body>` is found at once),
 * and only when that fails is the whole page read with the pattern (a `<` inside a quoted
 * attribute value of the same tag, say).
 */
export function isIndexedPage(html: string): boolean {
  let at = html.indexOf(MARKER);
  if (at === -1) return false;
  for (; at !== -1; at = html.indexOf(MARKER, at + 1)) {
    const start = html.lastIndexOf('<', at);
    if (start !== -1 && PAGEFIND_BODY_HERE.test(html.slice(start, at + MARKER.length + 1))) return true;
  }
  return PAGEFIND_BODY.test(html);
}

/** Orders texts by their UTF-16 code units, the same on every machine and in every locale. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
 * Indexes one shard in a process of its own (search-shard.ts); gives Pagefind's peak memory.
 * `started` is told of the process, so that it can be stopped; `nice` lowers its priority.
 */
function indexShardApart(request: ShardRequest, started: (child: ChildProcess) => void, nice = 0): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHARD_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (nice > 0 && child.pid !== undefined) {
      try {
        setPriority(child.pid, nice);
      } catch {
        // Where priorities cannot be set, the shard runs at the build's own.
      }
    }
    started(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let answer: { peakMB?: number | null; error?: string } | undefined;
      try {
        answer = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as typeof answer;
      } catch {
        answer = undefined;
      }
      if (code === 0 && answer && answer.peakMB !== undefined) resolve(answer.peakMB);
      else if (answer?.error) reject(new Error(answer.error));
      else {
        const said = stderr.trim().split('\n').slice(-5).join(' ');
        reject(new Error(`Pagefind failed while indexing ${request.bundle}: its process ended (${signal ?? `exit code ${code}`}) without an answer (out of memory?)${said ? `: ${said}` : '.'}`));
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}

/**
 * Puts the files of `from` into `to` as hard links (a copy where links cannot be made, across
 * file systems say): a bundle's files are written once and never changed, so the new site and the
 * one it replaces can share them, and a rebuild need not copy every unchanged bundle.
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

/** The manifest of a built site's index, if it has one that can be read. */
function readManifest(siteDir: string): ShardManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(siteDir, bundleFolder(0), SHARD_MANIFEST), 'utf8')) as ShardManifest;
  } catch {
    return undefined;
  }
}

/** The page Astro writes for the published article `id`, relative to the site's root (src/pages/articles/[...slug].astro). */
export const articlePageFile = (id: string) => `${articlePage(id)}index.html`;

/**
 * Article pages a shard may have for it to be indexed while Astro still writes the site, beside
 * Astro's own memory: Pagefind holds about 0.65 MB a page until it writes the bundle. Larger
 * shards (archives of more than about 16,000 explainers) wait until Astro is done, as memory would
 * otherwise pass the build's 4 GB.
 */
export const FOLLOW_MAX_SHARD_PAGES = 500;

/**
 * Article pages indexed at once while Astro writes the site, about 0.8 GB of Pagefind's memory:
 * as many shards run at once as this allows (at least SEARCH_JOBS), so that the core Astro leaves
 * idle is kept busy while pages come; once Astro is done, SEARCH_JOBS shards run at a time.
 */
export const FOLLOW_MAX_PAGES = 1200;

/** The priority (niceness) of a shard indexed while Astro writes the site: Astro keeps its core, the shards take what is left. */
const FOLLOW_NICE = 10;

/**
 * The bundles an index of the article pages `files` (in path order) has, with their pages: each
 * page in the shard its path hashes to among `shardCount` shards, in path order within it. An
 * empty shard has no bundle, but for the first, which a site with no article page still gets.
 */
function plannedShards(files: string[], shardSize: number): { bundle: string; files: string[] }[] {
  const count = shardCount(files.length, shardSize);
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const file of files) shards[shardOf(file, count)]!.push(file);
  return shards.flatMap((shardFiles, number) => (number > 0 && shardFiles.length === 0 ? [] : [{ bundle: bundleFolder(number), files: shardFiles }]));
}

/** One shard to index. */
interface ShardJob {
  bundle: string;
  files: string[];
  /** Indexed while Astro still writes the site (search-shard.ts's `follow`). */
  follow: boolean;
  /** Pagefind's peak memory, once the bundle is written. */
  result: Promise<number | null>;
  /** Settled once its process, if it had one, has ended. */
  ended: Promise<unknown>;
  settle: { resolve(peakMB: number | null): void; reject(error: unknown): void };
  child?: ChildProcess;
}

/** Shards to index, SEARCH_JOBS at a time (at most one per core), each in a process of its own. */
class ShardQueue {
  private readonly waiting: ShardJob[] = [];
  private readonly running = new Set<ShardJob>();
  /** Shards indexed at once (see FOLLOW_MAX_PAGES). */
  jobs = Math.min(SEARCH_JOBS, availableParallelism());
  private readonly siteDir: string;

  constructor(siteDir: string) {
    this.siteDir = siteDir;
  }

  add(bundle: string, files: string[], follow: boolean): ShardJob {
    let settle!: ShardJob['settle'];
    const result = new Promise<number | null>((resolve, reject) => (settle = { resolve, reject }));
    // A failure counts where the result is awaited; a cancelled shard's never is.
    result.catch(() => {});
    const job: ShardJob = { bundle, files, follow, result, ended: Promise.resolve(), settle };
    this.waiting.push(job);
    this.next();
    return job;
  }

  /** Stops a shard, waiting or running; resolves once its process has ended. */
  async cancel(job: ShardJob): Promise<void> {
    const at = this.waiting.indexOf(job);
    if (at >= 0) this.waiting.splice(at, 1);
    job.settle.reject(new Error(`Indexing ${job.bundle} was stopped.`));
    job.child?.kill();
    await job.ended;
  }

  /** Stops every shard. */
  async stop(): Promise<void> {
    await Promise.all([...this.waiting, ...this.running].map((job) => this.cancel(job)));
  }

  private next(): void {
    while (this.running.size < this.jobs && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running.add(job);
      const request: ShardRequest = { siteDir: this.siteDir, files: job.files, outputPath: join(this.siteDir, job.bundle), bundle: job.bundle, follow: job.follow };
      job.ended = indexShardApart(request, (child) => (job.child = child), job.follow ? FOLLOW_NICE : 0)
        .then(job.settle.resolve, job.settle.reject)
        .finally(() => {
          this.running.delete(job);
          this.next();
        });
    }
  }
}

/**
 * Search indexing begun while Astro writes the site (`followSearchIndex`), which
 * `indexSiteForSearch` takes over once Astro is done.
 */
export class SearchFollower {
  readonly queue: ShardQueue;
  /** The shards begun, by bundle. */
  readonly jobs = new Map<string, ShardJob>();
  /** Settles once the list of published articles was read and its shards begun (or none, see `begin`). */
  readonly planned: Promise<void>;
  private timer: NodeJS.Timeout | undefined;

  constructor(siteDir: string, options: { shardSize: number; previous?: string | undefined; publishedList: string }) {
    this.queue = new ShardQueue(siteDir);
    this.planned = new Promise((resolve, reject) => {
      this.timer = setInterval(() => {
        if (!existsSync(options.publishedList)) return;
        this.stopWaiting();
        try {
          this.begin(JSON.parse(readFileSync(options.publishedList, 'utf8')) as string[], options);
          resolve();
        } catch (error) {
          // Only time is lost: indexSiteForSearch indexes every shard itself.
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 100);
    });
    this.planned.catch(() => {});
  }

  /** Plans the shards of the pages of the published articles `ids`, and begins them, unless a rebuild may copy them or they are too large. */
  private begin(ids: string[], { shardSize, previous }: { shardSize: number; previous?: string | undefined }): void {
    // With one core, Astro has none to spare.
    if (availableParallelism() < 2) return;
    const shards = plannedShards(ids.map(articlePageFile).sort(byCodeUnits), shardSize);
    const largest = Math.max(...shards.map((shard) => shard.files.length));
    if (largest > FOLLOW_MAX_SHARD_PAGES) return;
    // A rebuild with the same bundles copies those whose pages did not change: it waits for the pages.
    const before = previous === undefined ? undefined : readManifest(previous);
    if (before?.digests && before.bundles.join('\n') === shards.map((shard) => shard.bundle).join('\n')) return;
    this.queue.jobs = Math.max(this.queue.jobs, Math.floor(FOLLOW_MAX_PAGES / Math.max(1, largest)));
    for (const { bundle, files } of shards) this.jobs.set(bundle, this.queue.add(bundle, files, true));
  }

  /** No longer waits for the list of published articles. */
  stopWaiting(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops everything begun (the build failed). */
  async stop(): Promise<void> {
    this.stopWaiting();
    await this.queue.stop();
  }
}

/**
 * Begins indexing the site in `siteDir` while Astro writes it: once the content loader has written
 * the ids of the published articles to `publishedList` (SOURCED_PUBLISHED_LIST), their pages are
 * planned into shards as `indexSiteForSearch` will plan them, and each shard is indexed as Astro
 * writes its pages, at a low priority, on the core Astro's page generation leaves idle. Not done
 * for shards over FOLLOW_MAX_SHARD_PAGES, nor for a rebuild whose bundles may be copied.
 * `indexSiteForSearch` keeps each shard it would index with exactly those pages and indexes the
 * others itself, so a wrong plan costs time, never a wrong index.
 */
export function followSearchIndex(siteDir: string, options: { shardSize: number; previous?: string | undefined; publishedList: string }): SearchFollower {
  return new SearchFollower(siteDir, options);
}

/**
 * Indexes the article pages of the built site in `siteDir` (the pages with `data-pagefind-body`)
 * into `shardCount` shards, each page in the shard its path hashes to, and writes the bundles and
 * the manifest into the site. Each shard is indexed in a process of its own (search-shard.ts),
 * SEARCH_JOBS at a time, and its memory is freed when it ends. A shard whose pages (paths and
 * HTML) are exactly those a bundle of the `previous` site was built from, by the same Pagefind, is
 * taken from it instead (linkTree): a rebuild after one edit indexes one shard. A shard that
 * `follower` began while Astro wrote the site with exactly its pages is kept; any other it began
 * is stopped. An empty shard has no bundle, but for the first, which a site with no article page
 * still gets, and which finds nothing. Throws on any error Pagefind reports, naming the page.
 */
export async function indexSiteForSearch(
  siteDir: string,
  options: { shardSize?: number; previous?: string; log?: (line: string) => void; follower?: SearchFollower } = {},
): Promise<SearchIndexFigures> {
  const shardSize = options.shardSize ?? SEARCH_SHARD_SIZE;
  const log = options.log ?? (() => {});
  const before = options.previous === undefined ? undefined : readManifest(options.previous);
  const digests: string[] = [];
  options.follower?.stopWaiting();
  const queue = options.follower?.queue ?? new ShardQueue(siteDir);
  // Astro is done: the shards to come run SEARCH_JOBS at a time, as their memory is no longer bounded by FOLLOW_MAX_PAGES.
  queue.jobs = Math.min(SEARCH_JOBS, availableParallelism());
  const begun = new Map(options.follower?.jobs);

  // The article pages, each read once, with a digest of its path and HTML; then each in the shard
  // its path hashes to, in path order within it.
  const pages = new Map<string, Buffer>();
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(join(siteDir, file));
    if (isIndexedPage(html.toString('utf8'))) pages.set(file, createHash('sha256').update(file).update('\0').update(html).digest());
  }
  // What each shard needs: a copy from the previous site, or indexing; its log line once done.
  const plan: { bundle: string; files: string[]; reused: boolean }[] = [];
  for (const { bundle, files } of plannedShards([...pages.keys()], shardSize)) {
    // A shard is indexed only when its digest is new.
    // Pagefind's version and what it leaves out of each page make the bundle as much as the pages do.
    const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\0${EXCLUDED_FROM_SEARCH.join('\n')}\0`);
    for (const file of files) hash.update(pages.get(file)!);
    const digest = hash.digest('base64url');
    digests.push(digest);
    const index = before?.bundles.indexOf(bundle) ?? -1;
    const reused = options.previous !== undefined && index >= 0 && before?.digests?.[index] === digest && existsSync(join(options.previous, bundle));
    plan.push({ bundle, files, reused });
  }
  // The shards begun while Astro wrote the site that this plan does not keep are stopped, and
  // whatever they wrote removed, before anything else goes into their folders.
  const kept = new Map<string, ShardJob>();
  for (const { bundle, files, reused } of plan) {
    const job = begun.get(bundle);
    if (job && !reused && job.files.join('\n') === files.join('\n')) {
      kept.set(bundle, job);
      begun.delete(bundle);
    }
  }
  for (const job of begun.values()) {
    await queue.cancel(job);
    rmSync(join(siteDir, job.bundle), { recursive: true, force: true });
  }

  const figures: (ShardFigures | undefined)[] = plan.map(() => undefined);
  // Lines are logged in shard order, whichever shard is done first.
  let logged = 0;
  const done = (number: number, shard: ShardFigures) => {
    figures[number] = shard;
    for (; logged < plan.length && figures[logged]; logged++) {
      const { bundle, pages, reused, followed, peakMB } = figures[logged]!;
      const how = reused ? ', unchanged, copied from the last build' : `${peakMB === null ? '' : `, Pagefind peak ${peakMB} MB`}${followed ? ', indexed while Astro wrote the pages' : ''}`;
      log(`Search index: ${bundle} ${pagesText(pages)}${how}`);
    }
  };
  const waiting: Promise<void>[] = [];
  for (const [number, { bundle, files, reused }] of plan.entries()) {
    if (reused) {
      linkTree(join(options.previous!, bundle), join(siteDir, bundle));
      done(number, { bundle, pages: files.length, reused: true, followed: false, peakMB: null });
      continue;
    }
    const job = kept.get(bundle) ?? queue.add(bundle, files, false);
    waiting.push(job.result.then((peakMB) => done(number, { bundle, pages: files.length, reused: false, followed: job.follow, peakMB })));
  }
  try {
    await Promise.all(waiting);
  } catch (error) {
    // One shard failed: the others are stopped, and the build fails with its reason.
    await queue.stop();
    throw error;
  }
  const shards = figures.map((shard) => shard!);

  const manifest: ShardManifest = { bundles: shards.map((shard) => shard.bundle), digests };
  writeFileSync(join(siteDir, bundleFolder(0), SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const total = shards.reduce((sum, shard) => sum + shard.pages, 0);
  log(`Search index: ${pagesText(total)} in ${shards.length} ${shards.length === 1 ? 'bundle' : 'bundles'}`);
  return { pages: total, shards };
}
