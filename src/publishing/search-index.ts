/**
 * The site's search index, built with Pagefind's Node API in shards, so that Pagefind's memory
 * stays bounded however large the archive grows, and a rebuild indexes again only the shard of
 * each article that changed. Each article page belongs to the shard its path hashes to, so adding,
 * editing or deleting an article changes one shard, whatever its name. The first shard is the
 * bundle at `pagefind/`, the others go beside it (`pagefind-2/`, `pagefind-3/`, ...), and
 * `pagefind/shards.json` lists them all; the search page merges them in the browser.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { bundleFolder, SHARD_MANIFEST, type ShardManifest } from '../site/search-bundles.ts';

/**
 * Article pages a shard aims at. A rebuild after one edit indexes one shard again, about 20 ms a
 * page on this project's machine (docs/performance.md), so the smaller the shard the faster the
 * rebuild; each shard is one more bundle for the search page to fetch.
 */
export const SEARCH_SHARD_SIZE = 500;

/**
 * The most shards an index has. Past 16,000 articles the shards grow instead of multiplying, so that
 * the search page never fetches more than this many bundles; Pagefind holds a shard's pages in
 * memory until it writes the bundle, about 0.6 GB per 1,000 of our article pages, so even 50,000
 * articles (about 1,600 a shard) stay well under the build's 4 GB.
 */
export const MAX_SHARDS = 32;

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

/** Whether a built page is one that search covers: an article page, marked with `data-pagefind-body`. */
export const isIndexedPage = (html: string) => PAGEFIND_BODY.test(html);

/** Every HTML file under `siteDir`, as `/`-separated paths relative to it, in code-unit order (the same on every machine). */
function htmlFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The processes this process started and that are still there, by id (Linux only: none elsewhere). */
function childProcesses(): Set<number> {
  let ids: string[];
  try {
    ids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return new Set();
  }
  return new Set(
    ids.flatMap((id) => {
      try {
        // pid (comm) state ppid ...; comm may hold spaces and parentheses, so read after its last `)`.
        const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid ? [Number(id)] : [];
      } catch {
        return [];
      }
    }),
  );
}

/** A process's largest resident memory so far, in MB, or null. */
function peakMB(id: number): number | null {
  try {
    const kB = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
    return kB === undefined ? null : Math.round(Number(kB) / 1024);
  } catch {
    return null;
  }
}

const pagesText = (count: number) => `${count} ${count === 1 ? 'page' : 'pages'}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throws the errors Pagefind reported for a step, if any, naming the step. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${step}: ${errors.join('; ')}`);
}

/**
 * One shard's index, in a Pagefind service process of its own. Pagefind's Node API never answers
 * when its process dies (killed for want of memory, say), so every call also watches the process.
 */
class ShardIndex {
  private readonly index: pagefind.PagefindIndex;
  private readonly processes: Set<number>;

  private constructor(index: pagefind.PagefindIndex, processes: Set<number>) {
    this.index = index;
    this.processes = processes;
  }

  /** Starts a Pagefind process with a new, empty index. */
  static async start(): Promise<ShardIndex> {
    const before = childProcesses();
    // Pagefind starts its process as soon as it is first called, before answering.
    const created = pagefind.createIndex();
    const processes = new Set([...childProcesses()].filter((id) => !before.has(id)));
    const { errors, index } = await watch(created, processes, 'starting');
    assertNoErrors('starting', errors);
    if (!index) throw new Error('Pagefind failed while starting: it returned no index.');
    return new ShardIndex(index, processes);
  }

  async add(sourcePath: string, content: string): Promise<void> {
    assertNoErrors(`indexing ${sourcePath}`, (await watch(this.index.addHTMLFile({ sourcePath, content }), this.processes, `indexing ${sourcePath}`)).errors);
  }

  /** Writes the bundle and stops the process; its memory is free when this returns. Gives the process's peak memory. */
  async write(outputPath: string, bundle: string): Promise<number | null> {
    assertNoErrors(`writing ${bundle}`, (await watch(this.index.writeFiles({ outputPath }), this.processes, `writing ${bundle}`)).errors);
    const peaks = [...this.processes].map(peakMB).filter((peak): peak is number => peak !== null);
    await pagefind.close();
    // The process was told to stop; wait (at most 10 s) until it has, so that its memory is free and it counts among this process's children.
    for (let waited = 0; waited < 10_000 && [...this.processes].some((id) => existsSync(`/proc/${id}`)); waited += 20) await sleep(20);
    return peaks.length > 0 ? Math.max(...peaks) : null;
  }
}

/** The answer of a Pagefind call, or an error as soon as Pagefind's process has ended without answering. */
function watch<T>(call: Promise<T>, processes: Set<number>, step: string): Promise<T> {
  const answer = call.catch((error: unknown) => {
    throw new Error(`Pagefind failed while ${step}: ${error instanceof Error ? error.message : String(error)}.`);
  });
  if (processes.size === 0) return answer;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if ([...processes].every((id) => !existsSync(`/proc/${id}`))) {
        reject(new Error(`Pagefind's process ended while ${step}, without an answer (out of memory?).`));
      }
    }, 200);
  });
  return Promise.race([answer, ended]).finally(() => clearInterval(timer));
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
 * the manifest into the site. Each shard has a Pagefind process of its own, stopped before the next
 * one starts. A shard whose pages (paths and HTML) are exactly those a bundle of the `previous`
 * site was built from, by the same Pagefind, is copied from it instead: a rebuild after one edit
 * indexes one shard. An empty shard has no bundle, but for the first, which a site with no article
 * page still gets, and which finds nothing. Throws on any error Pagefind reports, naming the page.
 */
export async function indexSiteForSearch(
  siteDir: string,
  options: { shardSize?: number; previous?: string; log?: (line: string) => void } = {},
): Promise<SearchIndexFigures> {
  const shardSize = options.shardSize ?? SEARCH_SHARD_SIZE;
  const log = options.log ?? (() => {});
  const before = options.previous === undefined ? undefined : readManifest(options.previous);
  const shards: ShardFigures[] = [];
  const digests: string[] = [];

  // The article pages, each in the shard its path hashes to, in path order within it.
  const pages = htmlFiles(siteDir).filter((file) => isIndexedPage(readFileSync(join(siteDir, file), 'utf8')));
  const count = shardCount(pages.length, shardSize);
  const shardPages: string[][] = Array.from({ length: count }, () => []);
  for (const file of pages) shardPages[shardOf(file, count)]!.push(file);
  try {
    for (const [number, files] of shardPages.entries()) {
      if (number > 0 && files.length === 0) continue;
      const bundle = bundleFolder(number);
      // A shard is indexed only when its digest is new.
      const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\0`);
      for (const file of files) hash.update(file).update('\0').update(readFileSync(join(siteDir, file))).update('\0');
      const digest = hash.digest('base64url');
      digests.push(digest);
      const index = before?.bundles.indexOf(bundle) ?? -1;
      if (options.previous !== undefined && index >= 0 && before?.digests?.[index] === digest && existsSync(join(options.previous, bundle))) {
        cpSync(join(options.previous, bundle), join(siteDir, bundle), { recursive: true });
        shards.push({ bundle, pages: files.length, reused: true, peakMB: null });
        log(`Search index: ${bundle} ${pagesText(files.length)}, unchanged, copied from the last build`);
        continue;
      }
      const shard = await ShardIndex.start();
      for (const file of files) await shard.add(file, readFileSync(join(siteDir, file), 'utf8'));
      const peakMB = await shard.write(join(siteDir, bundle), bundle);
      shards.push({ bundle, pages: files.length, reused: false, peakMB });
      log(`Search index: ${bundle} ${pagesText(files.length)}${peakMB === null ? '' : `, Pagefind peak ${peakMB} MB`}`);
    }
  } finally {
    await pagefind.close();
  }

  const manifest: ShardManifest = { bundles: shards.map((shard) => shard.bundle), digests };
  writeFileSync(join(siteDir, bundleFolder(0), SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const total = shards.reduce((sum, shard) => sum + shard.pages, 0);
  log(`Search index: ${pagesText(total)} in ${shards.length} ${shards.length === 1 ? 'bundle' : 'bundles'}`);
  return { pages: total, shards };
}
