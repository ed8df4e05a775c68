import { Piscina } from 'piscina';

/**
 * A piscina pool of `threads` workers running the module `worker`, or `undefined` where worker
 * threads cannot start (the caller then does the work on its own thread). A worker that fails
 * rejects its task, which is how callers learn of it; the pool's `error` event needs nothing more.
 */
export function startWorkerPool<Task, Result>(worker: URL, threads: number): Piscina<Task, Result> | undefined {
  try {
    const pool = new Piscina<Task, Result>({
      filename: worker.href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1_000,
    });
    pool.on('error', () => {});
    return pool;
  } catch {
    return undefined;
  }
}
