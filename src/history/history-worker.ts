/**
 * Reads an articles folder's history (read-history.ts) on a worker thread of its own and posts it
 * back: parsing every revision and diffing them is CPU work that would otherwise hold the content
 * loaders' thread, while the articles are checked and rendered on the other cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../checker/compile-cache.ts';

enableCompileCache();
const { readSiteHistory } = await import('./read-history.ts');
parentPort!.postMessage(await readSiteHistory((workerData as { dir: string }).dir));
