/** Worker-thread entry of the read pool (read-pool.ts): reads one document at a time. */
import { parentPort } from 'node:worker_threads';
import { readDocument } from './read-document.ts';

parentPort!.on('message', async ({ id, bytes, contentType, quote }: { id: number; bytes: Uint8Array; contentType: string | null; quote?: string }) => {
  parentPort!.postMessage({ id, result: await readDocument(bytes, contentType, quote) });
});
