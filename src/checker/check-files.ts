import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { listArticleFiles } from '../format/article-files.ts';
import type { ArticleFile, CheckedFile } from './check-file.ts';
import { CheckPool } from './check-pool.ts';

export type { CheckedFile } from './check-file.ts';

/** The files to check under `target` (a folder, or a single file), as editors see them. */
function filesOf(target: string, cwd: string): ArticleFile[] {
  const isFile = statSync(target).isFile();
  const root = isFile ? join(target, '..') : target;
  const files = isFile ? [relative(root, target)] : listArticleFiles(target);
  return files.map((path) => {
    const full = resolve(root, path);
    return { path, full, file: relative(cwd, full) || full };
  });
}

/**
 * Checking is CPU-bound, so from this many articles on they are checked on one worker thread per
 * core, and the calling thread never loads the checker; a worker takes about a fifth of a second
 * to start, which pays off only beyond a few dozen articles.
 */
const PARALLEL_FROM = 64;

/**
 * Checks every article under each target (folders or files), in parallel when there are many; in
 * order. `digests` records the digest of each text checked, for `npm run build`.
 */
export async function checkTargets(targets: readonly string[], { cwd = process.cwd(), digests = false } = {}): Promise<CheckedFile[]> {
  const files = targets.flatMap((target) => filesOf(target, cwd));
  if (files.length < PARALLEL_FROM || availableParallelism() < 2) {
    const { checkArticleFile } = await import('./check-file.ts');
    return files.map((file) => checkArticleFile({ ...file, digest: digests }));
  }
  const pool = new CheckPool();
  try {
    // This thread reads the files while the workers start, and would otherwise wait idle.
    return await Promise.all(files.map((file) => pool.checkFile({ ...file, text: readFileSync(file.full, 'utf8'), digest: digests })));
  } finally {
    await pool.close();
  }
}
