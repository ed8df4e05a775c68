import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { Claim, Source } from '../format/index.ts';
import type { Archiver } from './archive.ts';
import { fetchSource, type Fetched, type FetchOptions } from './fetch-source.ts';
import { HostLimiter } from './host-limiter.ts';
import { lockPath, parseLock, serializeLock, type LockEntry, type SourceLock } from './lock.ts';
import { BLOCKED_STATUSES, nextEntry, type Observation } from './next-entry.ts';
import { ReadPool } from './read-pool.ts';
import { readDocument, type ReadResult } from './read-document.ts';

/** An article's sources, as the command read them. */
export interface ArticleSources {
  slug: string;
  /** The article file, as shown to the editor. */
  file: string;
  sources: readonly Pick<Source, 'id' | 'url' | 'quote' | 'accessed' | 'archive'>[];
}

/**
 * What `npm run sources` looks for in an article: each source with its quote, then each claim's
 * wording on the page of the claim's first appearance, recorded under the claim's id (ids are
 * unique across sources and claims) and read like a quote. The page is fetched once for both.
 */
export function sourcesToCheck(article: {
  sources: readonly Source[];
  claims: readonly Claim[];
}): ArticleSources['sources'] {
  const byId = new Map(article.sources.map((source) => [source.id, source]));
  const wordings = article.claims.flatMap((claim) => {
    const appearance = claim.wording === undefined ? undefined : byId.get(claim.appearances?.[0] ?? '');
    return appearance
      ? [
          {
            id: claim.id,
            url: appearance.url,
            quote: claim.wording,
            accessed: appearance.accessed,
            archive: appearance.archive,
          },
        ]
      : [];
  });
  return [...article.sources, ...wordings];
}

/** How to check. */
export interface CheckSourcesOptions {
  /** Folder of the lock files. */
  locksDir: string;
  fetch: FetchOptions;
  /** Asks the Wayback Machine for a copy of each source that has none (`--archive`). */
  archiver?: Archiver | undefined;
  /** The time recorded for this run. */
  now?: Date;
  limiter?: HostLimiter;
}

/** From this many sources on, documents are read on worker threads (one takes about a quarter of a second to start). */
const POOL_FROM = 24;

/** What was found for one source. */
export interface SourceReport {
  id: string;
  url: string;
  entry: LockEntry;
  previous?: LockEntry | undefined;
  /** What went wrong while fetching or reading, for the editor. */
  detail?: string | undefined;
  /** What the archive said, with `--archive`. */
  archiveNote?: string | undefined;
}

/** What was found for one article, and whether its lock file was written. */
export interface ArticleReport {
  slug: string;
  file: string;
  lockFile: string;
  sources: SourceReport[];
  /** False when the lock file already said exactly this. */
  written: boolean;
  /** Why the old lock file was ignored, if it was. */
  problem?: string | undefined;
}

/** Reads documents: on this thread, or on a pool of worker threads. */
export type ReadDocument = (
  bytes: Uint8Array,
  contentType: string | null,
  quote: string | undefined,
) => Promise<ReadResult>;

/** What a fetched page gave: the observation for the lock and a note for the report. */
async function observe(
  fetched: Fetched,
  quote: string | undefined,
  read: ReadDocument,
): Promise<{ observation: Observation; detail?: string | undefined }> {
  const { finalUrl, redirects, status, contentType } = fetched;
  const base = { finalUrl, redirects, httpStatus: status, contentType };
  if (status !== null && BLOCKED_STATUSES.has(status)) return { observation: { ...base, kind: 'blocked' } };
  if (fetched.error === 'too-large' && status !== null && status >= 200 && status < 300) {
    return { observation: { ...base, kind: 'unreadable', error: 'too-large' }, detail: fetched.detail };
  }
  if (fetched.error !== null || !fetched.body) {
    return { observation: { ...base, kind: 'failed', error: fetched.error }, detail: fetched.detail };
  }
  const result = await read(fetched.body, contentType, quote);
  if (result.kind === 'unreadable')
    return { observation: { ...base, kind: 'unreadable', error: 'unreadable' }, detail: result.detail };
  return { observation: { ...base, kind: 'read', textSha256: result.textSha256, quote: result.quote } };
}

/** The lock file an article had, or why it cannot be used. */
function previousLock(file: string): { lock?: SourceLock | undefined; problem?: string | undefined; text?: string } {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  return { ...parseLock(text), text };
}

/**
 * Checks the sources of each article (each address fetched once per run, at most two requests at
 * a time per host) and writes each article's lock file when what it records has changed.
 * `onArticle` hears about each article as soon as its sources are checked.
 */
export async function checkSources(
  articles: readonly ArticleSources[],
  options: CheckSourcesOptions,
  onArticle: (report: ArticleReport) => void = () => {},
): Promise<ArticleReport[]> {
  const now = options.now ?? new Date();
  const limiter = options.limiter ?? new HostLimiter();
  const fetches = new Map<string, Promise<Fetched>>();
  const count = articles.reduce((sum, article) => sum + article.sources.length, 0);
  const pool = count >= POOL_FROM && availableParallelism() > 1 ? new ReadPool() : undefined;
  const read: ReadDocument = pool ? (...args) => pool.read(...args) : readDocument;
  const fetchOnce = (url: string) => {
    let pending = fetches.get(url);
    if (!pending) {
      pending = limiter.run(new URL(url).host, () => fetchSource(url, options.fetch));
      fetches.set(url, pending);
    }
    return pending;
  };
  try {
    return await Promise.all(
      articles.map(async (article) => {
        const lockFile = lockPath(options.locksDir, article.slug);
        const old = previousLock(lockFile);
        const sources = await Promise.all(
          article.sources.map(async (source): Promise<SourceReport> => {
            const previous = old.lock?.sources[source.id];
            const { observation, detail } = await observe(await fetchOnce(source.url), source.quote, read);
            let archive: string | null | undefined;
            let archiveNote: string | undefined;
            const hasCopy = source.archive !== undefined || (previous?.url === source.url && previous.archive !== null);
            if (options.archiver && !hasCopy) {
              const result = await options.archiver.archive(source.url, source.accessed, observation.kind !== 'failed');
              archive = result.snapshot;
              archiveNote = result.note;
            }
            const entry = nextEntry(previous, source.url, observation, { now, archive });
            return { id: source.id, url: source.url, entry, previous, detail, archiveNote };
          }),
        );
        const lock: SourceLock = {
          article: article.slug,
          sources: Object.fromEntries(sources.map((report) => [report.id, report.entry])),
        };
        const text = serializeLock(lock);
        const written = text !== old.text;
        if (written) {
          mkdirSync(dirname(lockFile), { recursive: true });
          writeFileSync(lockFile, text);
        }
        const report: ArticleReport = {
          slug: article.slug,
          file: article.file,
          lockFile,
          sources,
          written,
          problem: old.problem,
        };
        onArticle(report);
        return report;
      }),
    );
  } finally {
    await pool?.close();
  }
}
