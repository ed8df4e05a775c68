/**
 * The plan of the site's search index, pure: which built pages search covers, how many shards the
 * index has, which shard each article page goes to, and the digest that says whether a shard's
 * bundle can be reused. The index step (search-index.ts) reads the pages, follows this plan, and
 * has each shard indexed by Pagefind in a process of its own (search-shard.ts).
 *
 * Each article page belongs to the shard its path hashes to, so adding, editing or deleting an
 * article changes one shard, whatever its name. The first shard is the bundle at `pagefind/`, the
 * others go beside it (`pagefind-2/`, `pagefind-3/`, ...), and `pagefind/shards.json` lists them
 * all; the search page merges them in the browser.
 */
import { createHash } from 'node:crypto';
import { bundleFolder } from '../site/search-bundles.ts';

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

/** The pages a shard aims at, from `SOURCED_SEARCH_SHARD_SIZE` when set (tests set a tiny one to see several shards). */
export function searchShardSize(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['SOURCED_SEARCH_SHARD_SIZE'];
  if (text === undefined || text === '') return SEARCH_SHARD_SIZE;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(
      `SOURCED_SEARCH_SHARD_SIZE is "${text}"; set it to a whole number of article pages, at least 1, or unset it.`,
    );
  }
  return size;
}

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

/**
 * An element start tag that carries `data-pagefind-body`, read attribute by attribute so that a
 * quoted value (a description that names the attribute, say) is never taken for one. In the text of
 * a page a `<` is always escaped, so words in an article never match either.
 */
const PAGEFIND_BODY =
  /<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*?\s+data-pagefind-body(?=[\s=/>])/;
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

/** A digest of one page as a shard's bundle depends on it: its path and its HTML. */
export const pageDigest = (path: string, html: Uint8Array): Buffer =>
  createHash('sha256').update(path).update('\0').update(html).digest();

/** One bundle of the index, as planned. */
export interface PlannedShard {
  /** Its folder, relative to the site's root, such as `pagefind-2/`. */
  bundle: string;
  /** Its article pages, relative to the site's root, in path order. */
  files: string[];
  /**
   * What the bundle is made from: the indexer (`indexer`, Pagefind's version and what it leaves
   * out of each page) and each page's path and HTML. The same digest, the same bundle, byte for byte.
   */
  digest: string;
}

/** Orders texts by their UTF-16 code units, the same on every machine and in every locale. */
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The bundles of an index of the article pages `pages` (path -> pageDigest): each page in the shard
 * its path hashes to, in path order within it. An empty shard has no bundle, but for the first,
 * which a site with no article page still gets, and which finds nothing.
 */
export function planSearchIndex(
  pages: ReadonlyMap<string, Uint8Array>,
  shardSize: number,
  indexer: string,
): PlannedShard[] {
  const files = [...pages.keys()].sort(byCodeUnits);
  const count = shardCount(files.length, shardSize);
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const file of files) shards[shardOf(file, count)]!.push(file);
  return shards.flatMap((shardFiles, number) => {
    if (number > 0 && shardFiles.length === 0) return [];
    const hash = createHash('sha256').update(`${indexer}\0`);
    for (const file of shardFiles) hash.update(pages.get(file)!);
    return [{ bundle: bundleFolder(number), files: shardFiles, digest: hash.digest('base64url') }];
  });
}
