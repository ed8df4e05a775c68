import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkArticle, type CheckedArticle } from './check-article.ts';

/** Articles a worker is sent at a time: enough to keep message overhead small, few enough to share work evenly. */
const BATCH = 8;

interface Job {
  id: number;
  file: string;
  text: string;
  resolve(checked: CheckedArticle): void;
}

/**
 * Checks articles (`checkArticle`) on worker threads. Parsing YAML and Markdown is pure CPU work,
 * so on a machine with several cores the checks of many articles run side by side, and the build
 * can render one article while the next ones are checked. Results are exactly those of
 * `checkArticle`; if a worker cannot start or fails, the remaining articles are checked on the
 * calling thread. Call `close()` when done.
 */
export class CheckPool {
  readonly #queue: Job[] = [];
  readonly #waiting = new Map<number, Job>();
  readonly #idle: Worker[] = [];
  readonly #workers: Worker[] = [];
  #nextId = 0;
  #broken = false;

  /** `threads` defaults to one per core. */
  constructor(threads = availableParallelism()) {
    for (let index = 0; index < threads; index++) {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./check-worker.ts', import.meta.url));
      } catch {
        this.#broken = true;
        break;
      }
      worker.on('message', (results: { id: number; checked: CheckedArticle }[]) => {
        for (const { id, checked } of results) {
          this.#waiting.get(id)?.resolve(checked);
          this.#waiting.delete(id);
        }
        this.#idle.push(worker);
        this.#dispatch();
      });
      worker.on('error', () => this.#fallBack());
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
    if (this.#workers.length === 0) this.#broken = true;
  }

  /** Checks one article; results come back in any order, each through its own promise. */
  check(file: string, text: string): Promise<CheckedArticle> {
    if (this.#broken) return Promise.resolve(checkArticle(file, text));
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, file, text, resolve });
      this.#dispatch();
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, BATCH);
      for (const job of batch) this.#waiting.set(job.id, job);
      this.#idle.pop()!.postMessage(batch.map(({ id, file, text }) => ({ id, file, text })));
    }
  }

  #fallBack(): void {
    this.#broken = true;
    for (const job of [...this.#waiting.values(), ...this.#queue.splice(0)]) job.resolve(checkArticle(job.file, job.text));
    this.#waiting.clear();
    void this.close();
  }
}
