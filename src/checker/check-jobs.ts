/**
 * What a check-pool worker does (see check-pool.ts and check-worker.ts): checks each batch of
 * articles it is sent and posts back the results, in order.
 */
import { parentPort } from 'node:worker_threads';
import { checkArticle } from './check-article.ts';
import { checkArticleFile } from './check-file.ts';
import type { PoolJob } from './check-pool.ts';

parentPort!.on('message', (batch: PoolJob[]) => {
  parentPort!.postMessage(
    batch.map((job) => ({ id: job.id, checked: job.kind === 'text' ? checkArticle(job.file, job.text, { registries: job.registries }) : checkArticleFile(job) })),
  );
});
