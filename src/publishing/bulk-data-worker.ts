/**
 * Writes the open data of `npm run build` on a worker thread, while the build's own thread makes
 * the report and reads the pages for the search index: first each article's JSON file
 * (article-data.ts), then the bulk files made from them (bulk-data.ts). Takes a BulkDataWork as its
 * worker data and posts what was written (BulkDataDone).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeArticleData, type ArticleDataTask } from './article-data.ts';
import { writeBulkData, type BulkDataJob, type OpenDataIndex } from './bulk-data.ts';

export interface BulkDataWork extends BulkDataJob {
  outDir: string;
  articles: ArticleDataTask[];
}

export interface BulkDataDone {
  articles: { written: number; reused: number };
  index: OpenDataIndex;
}

const { outDir, siteRoot, cacheDir, partBytes, articles } = workerData as BulkDataWork;
const written = writeArticleData(outDir, siteRoot, articles, cacheDir);
parentPort!.postMessage({ articles: written, index: await writeBulkData(outDir, siteRoot, partBytes) } satisfies BulkDataDone);
