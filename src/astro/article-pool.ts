import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { startWorkerPool } from '../infra/worker-pool.ts';
import type { ArticleResult, ArticleTask } from './render-article.ts';

/** Publishes one article on the calling thread, for when no worker can. */
async function publishHere(task: ArticleTask): Promise<ArticleResult> {
  return (await import('./render-article.ts')).publishArticle(task);
}

/**
 * Checks and renders articles on worker threads (piscina), one per core: parsing, checking and
 * rendering are pure CPU work, and the content loader's thread only reads files and stores
 * summaries meanwhile. Each worker renders with the site's Markdown pipeline
 * (src/markdown/pipeline.ts), as the loader's thread does: results are exactly those of
 * `publishArticle`. An article whose worker cannot start, fails or exits is done again on the
 * calling thread. Call `close()` when done.
 */
export class ArticlePool {
  readonly #pool: Piscina<ArticleTask, ArticleResult> | undefined;
  /** How many worker threads it runs (0 when none could start: everything is then done on the calling thread). */
  readonly threads: number;

  constructor({ threads = availableParallelism() }: { threads?: number } = {}) {
    this.#pool = startWorkerPool(new URL('./article-worker.ts', import.meta.url), threads);
    this.threads = this.#pool ? threads : 0;
  }

  publish(task: ArticleTask): Promise<ArticleResult> {
    if (!this.#pool) return publishHere(task);
    return this.#pool.run(task).catch(() => publishHere(task));
  }

  async close(): Promise<void> {
    await this.#pool?.close({ force: true });
  }
}
