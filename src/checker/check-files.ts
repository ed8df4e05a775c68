import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { listArticleFiles } from '../format/article-files.ts';
import type { ArticleFile, CheckedFile } from './check-file.ts';
import { CheckPool } from './check-pool.ts';
import type { RegistryIndex } from './registry-index.ts';
import { checkRegistries, findRegistryDir, type CheckedRegistries } from './registries.ts';

export type { CheckedFile } from './check-file.ts';

/** What checking some targets yields: each article file, and the registries they were checked against. */
export interface CheckResult {
  files: CheckedFile[];
  /** The registries of the targets' content folders (see findRegistryDir), each checked once. */
  registries: CheckedRegistries[];
}

/** The files to check under `target` (a folder, or a single file), as editors see them. */
function filesOf(target: string, cwd: string, registries?: RegistryIndex): (ArticleFile & { registries?: RegistryIndex | undefined })[] {
  const isFile = statSync(target).isFile();
  const root = isFile ? join(target, '..') : target;
  const files = isFile ? [relative(root, target)] : listArticleFiles(target);
  return files.map((path) => {
    const full = resolve(root, path);
    return { path, full, file: relative(cwd, full) || full, registries };
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
 * order. Each target's articles are checked against the registries of the nearest folder at or
 * above it that has them (`content/` for `content/articles/`); articles with none above them are
 * checked without. `digests` records the digest of each text checked, for `npm run build`.
 */
export async function checkTargets(targets: readonly string[], { cwd = process.cwd(), digests = false } = {}): Promise<CheckResult> {
  const registries = new Map<string, CheckedRegistries>();
  const files = targets.flatMap((target) => {
    const dir = findRegistryDir(target);
    if (dir !== undefined && !registries.has(dir)) registries.set(dir, checkRegistries(dir, cwd));
    return filesOf(target, cwd, dir === undefined ? undefined : registries.get(dir)!.index);
  });
  const result = (checked: CheckedFile[]) => ({ files: checked, registries: [...registries.values()] });
  if (files.length < PARALLEL_FROM || availableParallelism() < 2) {
    const { checkArticleFile } = await import('./check-file.ts');
    return result(files.map((file) => checkArticleFile({ ...file, digest: digests })));
  }
  const pool = new CheckPool();
  try {
    // This thread reads the files while the workers start, and would otherwise wait idle.
    return result(await Promise.all(files.map((file) => pool.checkFile({ ...file, text: readFileSync(file.full, 'utf8'), digest: digests }))));
  } finally {
    await pool.close();
  }
}
