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
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { bundleFolder, SHARD_MANIFEST, type ShardManifest } from '../site/search-bundles.ts';
import type { ShardRequest } from './search-shard.ts';

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

/** Every HTML file under `siteDir`, as `/`-separated paths relative to it, in code-unit order (the same on every machine). */
function htmlFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const pagesText = (count: number) => `${count} ${count === 1 ? 'page' : 'pages'}`;

const SHARD_SCRIPT = new URL('./search-shard.ts', import.meta.url).pathname;

/** Indexes one shard in a process of its own (search-shard.ts); gives Pagefind's peak memory. `started` is told of the process, so that it can be stopped. */
function indexShardApart(request: ShardRequest, started: (child: ChildProcess) => void): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHARD_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
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

/**
 * Indexes the article pages of the built site in `siteDir` (the pages with `data-pagefind-body`)
 * into `shardCount` shards, each page in the shard its path hashes to, and writes the bundles and
 * the manifest into the site. Each shard is indexed in a process of its own (search-shard.ts),
 * SEARCH_JOBS at a time, and its memory is freed when it ends. A shard whose pages (paths and
 * HTML) are exactly those a bundle of the `previous` site was built from, by the same Pagefind, is
 * taken from it instead (linkTree): a rebuild after one edit indexes one shard. An empty shard has no bundle, but for the first, which a site with no article
 * page still gets, and which finds nothing. Throws on any error Pagefind reports, naming the page.
 */
export async function indexSiteForSearch(
  siteDir: string,
  options: { shardSize?: number; previous?: string; log?: (line: string) => void } = {},
): Promise<SearchIndexFigures> {
  const shardSize = options.shardSize ?? SEARCH_SHARD_SIZE;
  const log = options.log ?? (() => {});
  const before = options.previous === undefined ? undefined : readManifest(options.previous);
  const digests: string[] = [];

  // The article pages, each read once, with a digest of its path and HTML; then each in the shard
  // its path hashes to, in path order within it.
  const pages: { file: string; digest: Buffer }[] = [];
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(join(siteDir, file));
    if (isIndexedPage(html.toString('utf8'))) pages.push({ file, digest: createHash('sha256').update(file).update('\0').update(html).digest() });
  }
  const count = shardCount(pages.length, shardSize);
  const shardPages: { file: string; digest: Buffer }[][] = Array.from({ length: count }, () => []);
  for (const page of pages) shardPages[shardOf(page.file, count)]!.push(page);
  // What each shard needs: a copy from the previous site, or indexing; its log line once done.
  const plan: { bundle: string; files: string[]; reused: boolean }[] = [];
  for (const [number, shardFiles] of shardPages.entries()) {
    if (number > 0 && shardFiles.length === 0) continue;
    const bundle = bundleFolder(number);
    const files = shardFiles.map((page) => page.file);
    // A shard is indexed only when its digest is new.
    const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\0`);
    for (const page of shardFiles) hash.update(page.digest);
    const digest = hash.digest('base64url');
    digests.push(digest);
    const index = before?.bundles.indexOf(bundle) ?? -1;
    const reused = options.previous !== undefined && index >= 0 && before?.digests?.[index] === digest && existsSync(join(options.previous, bundle));
    plan.push({ bundle, files, reused });
  }
  const figures: (ShardFigures | undefined)[] = plan.map(() => undefined);
  // Lines are logged in shard order, whichever shard is done first.
  let logged = 0;
  const done = (number: number, shard: ShardFigures) => {
    figures[number] = shard;
    for (; logged < plan.length && figures[logged]; logged++) {
      const { bundle, pages, reused, peakMB } = figures[logged]!;
      log(`Search index: ${bundle} ${pagesText(pages)}${reused ? ', unchanged, copied from the last build' : peakMB === null ? '' : `, Pagefind peak ${peakMB} MB`}`);
    }
  };
  for (const [number, { bundle, files, reused }] of plan.entries()) {
    if (!reused) continue;
    linkTree(join(options.previous!, bundle), join(siteDir, bundle));
    done(number, { bundle, pages: files.length, reused: true, peakMB: null });
  }
  const queue = [...plan.entries()].filter(([, shard]) => !shard.reused);
  const running = new Set<ChildProcess>();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [number, { bundle, files }] = next;
      const peakMB = await indexShardApart({ siteDir, files, outputPath: join(siteDir, bundle), bundle }, (child) => {
        running.add(child);
        child.on('close', () => running.delete(child));
      });
      done(number, { bundle, pages: files.length, reused: false, peakMB });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(SEARCH_JOBS, availableParallelism(), Math.max(1, queue.length)) }, worker));
  } catch (error) {
    // One shard failed: the others are stopped, and the build fails with its reason.
    queue.length = 0;
    for (const child of running) child.kill();
    throw error;
  }
  const shards = figures.map((shard) => shard!);

  const manifest: ShardManifest = { bundles: shards.map((shard) => shard.bundle), digests };
  writeFileSync(join(siteDir, bundleFolder(0), SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const total = shards.reduce((sum, shard) => sum + shard.pages, 0);
  log(`Search index: ${pagesText(total)} in ${shards.length} ${shards.length === 1 ? 'bundle' : 'bundles'}`);
  return { pages: total, shards };
}
