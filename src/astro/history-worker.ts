/**
 * Reads an articles folder's history into the history store (history-store.ts) on a worker thread
 * of its own and posts back where each history is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../infra/compile-cache.ts';

enableCompileCache();
const { storeSiteHistory } = await import('./history-store.ts');
const { dir, storeDir, version } = workerData as { dir: string; storeDir: string; version: string };
parentPort!.postMessage(await storeSiteHistory(dir, storeDir, version));
