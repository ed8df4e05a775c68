import { join, resolve } from 'node:path';
import { slugOf } from '../format/article-files.ts';

// Where lock files are: apart from lock.ts (which loads zod) so that the check cache can find an
// article's lock file, one of the inputs of its check, without loading the checker.

/** Where lock files are kept, relative to the project root: `content/sources/<slug>.lock.json`. */
export const LOCKS_DIR = 'content/sources';

/** The lock file of an article, in `locksDir`. */
export const lockPath = (locksDir: string, slug: string): string => join(locksDir, `${slug}.lock.json`);

/**
 * The lock folder for articles kept under `articlesRoot`: `sources/` beside it, so that
 * `content/articles/` has its locks in `content/sources/`.
 */
export const locksDirFor = (articlesRoot: string): string => join(articlesRoot, '..', 'sources');

/**
 * The lock file of the article at `full`, whose path inside its articles folder is `path`
 * (`2025/talks.md`): the folder's `../sources/<slug>.lock.json`.
 */
export function articleLockPath(full: string, path: string): string {
  return lockPath(locksDirFor(resolve(full, ...path.split('/').map(() => '..'))), slugOf(path));
}
