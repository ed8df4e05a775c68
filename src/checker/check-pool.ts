import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { startWorkerPool } from '../infra/worker-pool.ts';
import type { CheckedFile, FileToCheck } from './check-file.ts';

/** Checks one file on the calling thread, for when no worker can. */
async function checkHere(file: FileToCheck): Promise<CheckedFile> {
  return (await import('./check-file.ts')).checkArticleFile(file);
}

/**
 * Checks article files on worker threads (piscina). Parsing YAML and Markdown is pure CPU work, so
 * on a machine with several cores many articles are checked side by side, and the content loader
 * can render one article while the next ones are checked. Results are exactly those of
 * `checkArticleFile`. A file whose worker cannot start, fails or exits (even without an `error`
 * event, as `process.exit()` in a worker does) is checked again on the calling thread, so no caller
 * is left waiting. Call `close()` when done.
 */
export class CheckPool {
  readonly #pool: Piscina<FileToCheck, CheckedFile> | undefined;

  /** `threads` defaults to one per core; `worker` is the worker's module (tests give one that dies). */
  constructor({
    threads = availableParallelism(),
    worker = new URL('./check-worker.ts', import.meta.url),
  }: { threads?: number; worker?: URL } = {}) {
    // A worker that fails rejects its task, which is then checked here.
    this.#pool = startWorkerPool(worker, threads);
  }

  /** Checks one article file (read by the worker unless its text is given). */
  check(file: FileToCheck): Promise<CheckedFile> {
    if (!this.#pool) return checkHere(file);
    return this.#pool.run(file).catch(() => checkHere(file));
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.#pool?.close({ force: true });
  }
}
