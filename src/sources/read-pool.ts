import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { startWorkerPool } from '../infra/worker-pool.ts';
import { readDocument, type ReadResult } from './read-document.ts';

interface ReadTask {
  bytes: Uint8Array;
  contentType: string | null;
  quote?: string | undefined;
}

/**
 * Reads documents on worker threads (piscina), one per core: parsing HTML and PDF is CPU work that
 * would otherwise hold up the fetching. Results are exactly those of `readDocument`; where no
 * worker can start, documents are read on the calling thread. A document whose worker fails or
 * exits is not read again (a document that crashes a reader would crash this thread too): its
 * read rejects with what happened, and the pool starts a new worker for the next one. Call
 * `close()` when done.
 */
export class ReadPool {
  readonly #pool: Piscina<ReadTask, ReadResult> | undefined;

  /** `threads` defaults to one per core; `worker` is the worker's module (tests give one that dies). */
  constructor({
    threads = availableParallelism(),
    worker = new URL('./read-worker.ts', import.meta.url),
  }: { threads?: number; worker?: URL } = {}) {
    this.#pool = startWorkerPool(worker, threads);
  }

  /** Reads one document (see readDocument). */
  async read(bytes: Uint8Array, contentType: string | null, quote: string | undefined): Promise<ReadResult> {
    if (!this.#pool) return readDocument(bytes, contentType, quote);
    try {
      return await this.#pool.run({ bytes, contentType, quote });
    } catch (error) {
      throw new Error(
        `Reading a fetched ${contentType ?? 'document'} stopped: its worker thread failed (${error instanceof Error ? error.message : String(error)}).`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await this.#pool?.close({ force: true });
  }
}
