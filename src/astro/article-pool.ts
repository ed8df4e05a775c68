import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ArticleResult, ArticleTask, RendererOptions } from './render-article.ts';

/** Publishes one article on the calling thread, for when no worker can. */
async function publishHere(task: ArticleTask, options: RendererOptions): Promise<ArticleResult> {
  return (await import('./render-article.ts')).publishArticle(task, options);
}

/**
 * Checks and renders articles on worker threads (piscina), one per core: parsing, checking and
 * rendering are pure CPU work, and the content loader's thread only reads files and stores
 * summaries meanwhile. Results are exactly those of `publishArticle`. An article whose worker
 * cannot start, fails or exits is done again on the calling thread. Call `close()` when done.
 */
export class ArticlePool {
  readonly #options: RendererOptions;
  readonly #pool: Piscina<ArticleTask, ArticleResult> | undefined;
  /** How many worker threads it runs (0 when none could start: everything is then done on the calling thread). */
  readonly threads: number;

  constructor(options: RendererOptions, { threads = availableParallelism() }: { threads?: number } = {}) {
    this.#options = options;
    this.threads = threads;
    try {
      this.#pool = new Piscina({ filename: new URL('./article-worker.ts', import.meta.url).href, workerData: options, minThreads: threads, maxThreads: threads, idleTimeout: 1_000 });
      this.#pool.on('error', () => {});
    } catch {
      this.#pool = undefined;
      this.threads = 0;
    }
  }

  publish(task: ArticleTask): Promise<ArticleResult> {
    if (!this.#pool) return publishHere(task, this.#options);
    return this.#pool.run(task).catch(() => publishHere(task, this.#options));
  }

  async close(): Promise<void> {
    await this.#pool?.close({ force: true });
  }
}
