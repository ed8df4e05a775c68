/**
 * Worker-thread entry of the check pool (see check-pool.ts): checks each batch of articles it is
 * sent and posts back the results, in order.
 */
import { parentPort } from 'node:worker_threads';
import { checkArticle } from './check-article.ts';

parentPort!.on('message', (batch: { id: number; file: string; text: string }[]) => {
  parentPort!.postMessage(batch.map(({ id, file, text }) => ({ id, checked: checkArticle(file, text) })));
});
