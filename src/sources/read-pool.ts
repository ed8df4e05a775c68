import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readDocument, type ReadResult } from './read-document.ts';

interface Job {
  id: number;
  bytes: Uint8Array;
  contentType: string | null;
  quote?: string | undefined;
  resolve(result: ReadResult): void;
}

/**
 * Reads documents on worker threads, one per core: parsing HTML and PDF is CPU work that would
 * otherwise hold up the fetching. Results are exactly those of `readDocument`; if a worker cannot
 * start or fails, the remaining documents are read on the calling thread. Call `close()` when done.
 */
export class ReadPool {
  readonly #queue: Job[] = [];
  readonly #waiting = new Map<number, Job>();
  readonly #idle: Worker[] = [];
  readonly #workers: Worker[] = [];
  #nextId = 0;
  #broken = false;

  constructor(threads = availableParallelism()) {
    for (let index = 0; index < threads; index++) {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./read-worker.ts', import.meta.url));
      } catch {
        break;
      }
      worker.on('message', ({ id, result }: { id: number; result: ReadResult }) => {
        this.#waiting.get(id)?.resolve(result);
        this.#waiting.delete(id);
        this.#idle.push(worker);
        this.#dispatch();
      });
      worker.on('error', () => this.#fallBack());
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
    if (this.#workers.length === 0) this.#broken = true;
  }

  /** Reads one document (see readDocument). */
  read(bytes: Uint8Array, contentType: string | null, quote: string | undefined): Promise<ReadResult> {
    if (this.#broken) return readDocument(bytes, contentType, quote);
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, bytes, contentType, quote, resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (!this.#broken && this.#idle.length > 0 && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      const worker = this.#idle.pop()!;
      this.#waiting.set(job.id, job);
      worker.postMessage({ id: job.id, bytes: job.bytes, contentType: job.contentType, quote: job.quote });
    }
  }

  /** A worker failed: everything not yet read is read here. */
  #fallBack(): void {
    this.#broken = true;
    const pending = [...this.#waiting.values(), ...this.#queue.splice(0)];
    this.#waiting.clear();
    for (const job of pending) void readDocument(job.bytes, job.contentType, job.quote).then(job.resolve);
    void this.close();
  }
}
