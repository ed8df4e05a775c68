import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedArticle } from './check-article.ts';
import type { CheckedFile, FileToCheck } from './check-file.ts';
import type { RegistryIndex } from './registry-index.ts';

/** Articles a worker is sent at a time: enough to keep message overhead small, few enough to share work evenly. */
const BATCH = 8;

/** What a worker is asked: to check a text (`checkArticle`) or a file (`checkArticleFile`). */
export type PoolJob = { id: number } & (
  | { kind: 'text'; file: string; text: string; registries?: RegistryIndex | undefined }
  | ({ kind: 'file' } & FileToCheck)
);

type Result = CheckedArticle | CheckedFile;

interface Job {
  message: PoolJob;
  resolve(checked: Result): void;
}

/** Runs one job on the calling thread, for when no worker can. */
async function runHere(job: PoolJob): Promise<Result> {
  if (job.kind === 'text') return (await import('./check-article.ts')).checkArticle(job.file, job.text, { registries: job.registries });
  return (await import('./check-file.ts')).checkArticleFile(job);
}

/**
 * Checks articles on worker threads. Parsing YAML and Markdown is pure CPU work, so on a machine
 * with several cores the checks of many articles run side by side, and the build can render one
 * article while the next ones are checked. Results are exactly those of `checkArticle` and
 * `checkArticleFile`; if a worker cannot start or fails, the remaining articles are checked on the
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
      worker.on('message', (results: { id: number; checked: Result }[]) => {
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

  /** Checks one article's text; results come back in any order, each through its own promise. */
  check(file: string, text: string, registries?: RegistryIndex): Promise<CheckedArticle> {
    return this.#submit({ id: this.#nextId++, kind: 'text', file, text, registries }) as Promise<CheckedArticle>;
  }

  /** Checks one article file (read by the worker unless its text is given). */
  checkFile(file: FileToCheck): Promise<CheckedFile> {
    return this.#submit({ id: this.#nextId++, kind: 'file', ...file }) as Promise<CheckedFile>;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #submit(message: PoolJob): Promise<Result> {
    if (this.#broken) return runHere(message);
    return new Promise((resolve) => {
      this.#queue.push({ message, resolve });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, BATCH);
      for (const job of batch) this.#waiting.set(job.message.id, job);
      this.#idle.pop()!.postMessage(batch.map((job) => job.message));
    }
  }

  #fallBack(): void {
    this.#broken = true;
    for (const job of [...this.#waiting.values(), ...this.#queue.splice(0)]) void runHere(job.message).then(job.resolve);
    this.#waiting.clear();
    void this.close();
  }
}
