/**
 * How the search index's bundles are named and listed, for the step that writes them
 * (src/publishing/search-index.ts) and the search page that reads them (search-ui.ts).
 */

/** The file, in the first bundle, that lists every bundle of the index. */
export const SHARD_MANIFEST = 'shards.json';

/** `pagefind/shards.json`: the bundles, as folders relative to the site's root, the first bundle first. */
export interface ShardManifest {
  bundles: string[];
  /**
   * For each bundle, a digest of what it was built from (Pagefind's version, its pages' paths and
   * HTML): the next build copies a bundle whose digest it would give again instead of indexing its
   * pages again.
   */
  digests?: string[];
}

/** The folder of the shard numbered `shard` from 0, relative to the site's root: `pagefind/`, `pagefind-2/`, ... (an empty shard other than the first has none). */
export const bundleFolder = (shard: number) => (shard === 0 ? 'pagefind/' : `pagefind-${shard + 1}/`);

/** A bundle folder as `bundleFolder` names it, and nothing else: the search page follows only these. */
const BUNDLE_FOLDER = /^pagefind(-[1-9]\d*)?\/$/;

/**
 * The bundles of a manifest other than the first, as addresses under `baseUrl` (the base path).
 * Anything that is not a bundle folder is left out; a manifest that is not one gives none.
 */
export function otherBundles(manifest: unknown, baseUrl: string): string[] {
  const bundles = (manifest as { bundles?: unknown } | null)?.bundles;
  if (!Array.isArray(bundles)) return [];
  return bundles
    .filter(
      (bundle): bundle is string =>
        typeof bundle === 'string' && BUNDLE_FOLDER.test(bundle) && bundle !== bundleFolder(0),
    )
    .map((bundle) => `${baseUrl}${bundle}`);
}
