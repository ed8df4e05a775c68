import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { listArticleFiles } from '../format/article-files.ts';
import { articleLockPath } from '../sources/lock-path.ts';
import { CheckCache, withFile, type CachedCheck } from './check-cache.ts';
import type { ArticleFile, CheckedFile } from './check-file.ts';
import { CheckPool } from './check-pool.ts';
import { findRegistryDir, registriesOf, registryTexts, type CheckedRegistries } from './registries.ts';

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
 * Checking is CPU-bound, so from this many unchecked articles on they are checked on one worker
 * thread per core, and the calling thread never loads the checker; a worker takes about a fifth of
 * a second to start, which pays off only beyond a few dozen articles.
 */
export const PARALLEL_FROM = 64;

/** A file's text, or nothing when there is no such file. */
function readIfAny(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** One file and its text, as read for checking. */
export type ReadFile = ArticleFile & { text: string };

/** What the cache keeps of a check (the same text may be checked under another name next time). */
function toCache({ slug, draft, diagnostics, article, body, bodyLine }: CheckedFile): CachedCheck {
  return { slug, draft, diagnostics: diagnostics.map(({ file: _, ...rest }) => rest), ...(article ? { article } : {}), body, bodyLine };
}

/** A cached check as the result for this file. */
function fromCache({ path, full, file }: ArticleFile, cached: CachedCheck): CheckedFile {
  return { path, full, file, ...cached, diagnostics: withFile(cached.diagnostics, file) };
}

/**
 * Checks files through the check cache (check-cache.ts): a file whose exact text this checker has
 * checked before gets its stored result; the others are checked on `pool` when given, else on this
 * thread, and stored. Shared by `npm run check`, `npm run build` and the content loader.
 */
export class CachedChecker {
  readonly cache: CheckCache;
  /** Keys of the files `cached` found no result for, which `check` need not look up again. */
  readonly #misses = new Map<ReadFile, string>();

  constructor(cache = new CheckCache()) {
    this.cache = cache;
  }

  /** The stored result for this file, if any. */
  cached(file: ReadFile): CheckedFile | undefined {
    const registryDir = findRegistryDir(file.full);
    const registries = registryDir === undefined ? '' : registryTexts(registryDir);
    const key = this.cache.keyOf(file.path, file.text, readIfAny(articleLockPath(file.full, file.path)), registries);
    const hit = this.cache.get(key);
    if (hit) return fromCache(file, hit);
    this.#misses.set(file, key);
    return undefined;
  }

  /** Checks a file (with its stored result when there is one) and stores the result. */
  async check(file: ReadFile, pool?: CheckPool): Promise<CheckedFile> {
    if (!this.#misses.has(file)) {
      const hit = this.cached(file);
      if (hit) return hit;
    }
    const key = this.#misses.get(file)!;
    this.#misses.delete(file);
    const checked = pool ? await pool.check(file) : (await import('./check-file.ts')).checkArticleFile(file);
    this.cache.set(key, toCache(checked));
    return checked;
  }
}

/**
 * Checks every article under each target (folders or files), in order; the results say which came
 * from the cache. Each target's articles are checked against the registries of the nearest folder
 * at or above it that has them (`content/` for `content/articles/`), which are checked too, once.
 */
export async function checkTargets(
  targets: readonly string[],
  { cwd = process.cwd(), checker = new CachedChecker() } = {},
): Promise<{ checked: CheckedFile[]; fromCache: number; registries: CheckedRegistries[] }> {
  const registries = new Map<string, CheckedRegistries>();
  for (const target of targets) {
    const found = registriesOf(resolve(target), cwd);
    if (found) registries.set(found.dir, found);
  }
  const files: ReadFile[] = targets.flatMap((target) => filesOf(target, cwd)).map((file) => ({ ...file, text: readFileSync(file.full, 'utf8') }));
  const results: (CheckedFile | undefined)[] = files.map((file) => checker.cached(file));
  const misses = files.filter((_, index) => !results[index]);
  const pool = misses.length >= PARALLEL_FROM && availableParallelism() > 1 ? new CheckPool() : undefined;
  try {
    const checked = await Promise.all(files.map((file, index) => results[index] ?? checker.check(file, pool)));
    return { checked, fromCache: files.length - misses.length, registries: [...registries.values()] };
  } finally {
    await pool?.close();
  }
}
