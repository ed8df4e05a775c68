import { Piscina } from 'piscina';
import type { ArticleDataTask } from './article-data.ts';
import { bulkDataSummary, type OpenDataIndex } from './bulk-data.ts';

/** What writing a site's open data needs. */
export interface OpenDataWork {
  /** The built site. */
  siteDir: string;
  /** The absolute address of the site's home page. */
  siteRoot: string;
  /** Astro's cache folder (where article-data.ts keeps the articles' JSON files). */
  cacheDir: string;
  /** Largest size of one bulk file, in bytes. */
  partBytes: number;
  /** The published articles. */
  articles: ArticleDataTask[];
}

/** What was written. */
export interface OpenDataDone {
  articles: { written: number; reused: number };
  index: OpenDataIndex;
}

/** The lines that say what was written. */
export const openDataSummary = ({ articles, index }: OpenDataDone, count: number): string =>
  `${count} article data file${count === 1 ? '' : 's'}: ${articles.written} written, ${articles.reused} unchanged\n${bulkDataSummary(index)}`;

/**
 * Writes a site's open data (each article's JSON file, then the bulk files) on a worker thread
 * (open-data-worker.ts), so that the calling thread can index the site for search meanwhile.
 * Rejects, never waits for ever, when the worker fails or its thread ends without an answer.
 * `worker` is the worker's module (tests give one that dies).
 */
export async function writeOpenData(
  work: OpenDataWork,
  { worker = new URL('./open-data-worker.ts', import.meta.url) }: { worker?: URL } = {},
): Promise<OpenDataDone> {
  const pool = new Piscina<OpenDataWork, OpenDataDone>({ filename: worker.href, minThreads: 1, maxThreads: 1 });
  try {
    return await pool.run(work);
  } catch (error) {
    throw new Error(`Writing the open-data files failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await pool.close({ force: true });
  }
}
