/**
 * Writes the bulk open-data files (bulk-data.ts) on a worker thread of `npm run build`, so that
 * they are written while the build's own thread makes the report and reads the pages for the
 * search index. Takes `{ outDir, siteRoot, partBytes }` as its worker data and posts the index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeBulkData } from './bulk-data.ts';

const { outDir, siteRoot, partBytes } = workerData as { outDir: string; siteRoot: string; partBytes: number };
parentPort!.postMessage(await writeBulkData(outDir, siteRoot, partBytes));
