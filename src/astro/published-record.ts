/**
 * What the content loaders of this build published, for the steps that run after the pages (the
 * sourced() integration, src/build/sourced.ts, writes each article's JSON file from it). The
 * loaders and the integration run in the one process of `astro build`, but Astro loads
 * content.config.ts (and the loaders) through Vite and astro.config.mjs (and the integration)
 * with Node, so each side has its own copy of this module: the record lives on `globalThis`, under
 * a symbol registered for it. Nothing is written to disk and nothing passes between processes.
 */

/** A published entry: the name of its stored record (article-store.ts's storedFile), and its digest. */
export interface PublishedEntry {
  stored: string;
  digest: string | undefined;
}

/** The collections recorded: the articles, and their histories from git (none outside git). */
export type RecordedCollection = 'articles' | 'history';

type Record_ = Partial<Record<RecordedCollection, ReadonlyMap<string, PublishedEntry>>>;

const KEY = Symbol.for('sourced.published-record');

const record = (): Record_ => ((globalThis as { [KEY]?: Record_ })[KEY] ??= {});

/** Records the entries (by id) a loader published in this build, replacing what it recorded before. */
export function recordPublished(
  collection: RecordedCollection,
  entries: Iterable<{ id: string; data: Record<string, unknown>; digest?: string | number | undefined }>,
): void {
  record()[collection] = new Map(
    [...entries].map(({ id, data, digest }) => [
      id,
      { stored: String(data['stored']), digest: digest === undefined ? undefined : String(digest) },
    ]),
  );
}

/** The entries a loader published in this build, or undefined when it has not run in this process. */
export const publishedEntries = (collection: RecordedCollection): ReadonlyMap<string, PublishedEntry> | undefined =>
  record()[collection];

/**
 * The key of what an article's page and JSON file are made from: the digests of the article (with
 * its lock file) and of its history. The same key, the same page and file (site/published.ts's
 * articleCacheKey, and the articles' JSON files the sourced() integration writes).
 */
export const articleKey = (articleDigest: string | number, historyDigest: string | undefined): string =>
  `${articleDigest}:${historyDigest ?? ''}`;
