import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, relative, resolve } from 'node:path';
import { articlesDir, articleTarget } from '../format/article-files.ts';
import { articleLockPath } from '../sources/lock-path.ts';
import { CheckCache, withFile, type CachedCheck, type CachedContent } from './check-cache.ts';
import type { ArticleFile, CheckedFile, FileToCheck } from './check-file.ts';
import type { CheckPool } from './check-pool.ts';
import { findRegistryDir, registryTexts } from './registry-dir.ts';
import type { CheckedRegistries } from './registries.ts';

export type { CheckedFile } from './check-file.ts';

/** The files to check under `target` (a folder, or a single file), as editors see them. */
function filesOf(target: string, cwd: string): ArticleFile[] {
  const { root, paths } = articleTarget(resolve(cwd, target), resolve(cwd, articlesDir()));
  return paths.map((path) => {
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

/** One file and its text, as read for checking. */
export type ReadFile = ArticleFile & { text: string };

/** What the cache keeps of a check (the same text may be checked under another name next time). */
function toCache({ slug, draft, diagnostics }: CheckedFile): CachedCheck {
  return { slug, draft, diagnostics: diagnostics.map(({ file: _, ...rest }) => rest) };
}

/** A cached check as the result for this file, with its data and body when they were asked for. */
function fromCache({ path, full, file }: ArticleFile, cached: CachedCheck, content?: CachedContent): CheckedFile {
  return { path, full, file, ...cached, diagnostics: withFile(cached.diagnostics, file), ...content };
}

/**
 * Checks files through the check cache (check-cache.ts): a file whose exact text this checker has
 * checked before gets its stored result; the others are checked on `pool` when given, else on this
 * thread, and stored. Shared by `npm run check`, `npm run build` and the content loader.
 */
export class CachedChecker {
  readonly cache: CheckCache;
  readonly #content: boolean;
  /** The files `cached` found no result for, with their key and lock file's text, which `check` need not read again. */
  readonly #misses = new Map<ReadFile, { key: string; lockText: string }>();
  /** The lock files in each lock folder, listed once rather than looked for once per article. */
  readonly #locks = new Map<string, Set<string>>();
  /** The registries' texts for each folder of articles (they do not change during a run). */
  readonly #registryTexts = new Map<string, string>();

  /** `content: true` gives every result its article data and body (the content loader needs them; `npm run check` does not). */
  constructor(cache = new CheckCache(), { content = false } = {}) {
    this.cache = cache;
    this.#content = content;
  }

  /** The stored result for this file, if any. */
  cached(file: ReadFile): CheckedFile | undefined {
    const lockText = this.#lockOf(file);
    const key = this.cache.keyOf(file.path, file.text, lockText, this.#registriesOf(file));
    const hit = this.cache.get(key);
    const content = hit && this.#content ? this.cache.content(key) : undefined;
    if (hit && (content || !this.#content)) return fromCache(file, hit, content);
    this.#misses.set(file, { key, lockText });
    return undefined;
  }

  /** The text of the registries a file is checked against (empty when none), looked up once per folder. */
  #registriesOf({ full }: ArticleFile): string {
    const folder = dirname(full);
    let texts = this.#registryTexts.get(folder);
    if (texts === undefined) {
      const dir = findRegistryDir(folder);
      texts = dir === undefined ? '' : registryTexts(dir);
      this.#registryTexts.set(folder, texts);
    }
    return texts;
  }

  /** The text of the file's sources' lock file, one of the inputs of its check; empty when it has none. */
  #lockOf({ full, path }: ArticleFile): string {
    const lock = articleLockPath(full, path);
    const folder = dirname(lock);
    let names = this.#locks.get(folder);
    if (!names) {
      try {
        names = new Set(readdirSync(folder));
      } catch {
        names = new Set();
      }
      this.#locks.set(folder, names);
    }
    return names.has(basename(lock)) ? readFileSync(lock, 'utf8') : '';
  }

  /** Checks a file (with its stored result when there is one) and stores the result. */
  async check(file: ReadFile, pool?: CheckPool): Promise<CheckedFile> {
    return this.checkWith(file, async (toCheck) =>
      pool ? pool.check(toCheck) : (await import('./check-file.ts')).checkArticleFile(toCheck),
    );
  }

  /**
   * `check`, with the check itself done by `run` (which must give checkArticleFile's result: the
   * content loader checks and renders on its own worker threads) when the cache has no result.
   */
  async checkWith(file: ReadFile, run: (file: FileToCheck) => Promise<CheckedFile>): Promise<CheckedFile> {
    if (!this.#misses.has(file)) {
      const hit = this.cached(file);
      if (hit) return hit;
    }
    const { key, lockText } = this.#misses.get(file)!;
    this.#misses.delete(file);
    // The lock file is read once, here, for the key and the rules alike.
    const checked = await run({ ...file, lockText });
    this.cache.set(key, toCache(checked), {
      ...(checked.article ? { article: checked.article } : {}),
      body: checked.body!,
      bodyLine: checked.bodyLine!,
    });
    return checked;
  }
}

/**
 * Each target's articles are checked against the registries of the nearest folder at or above it
 * that has them (`content/` for `content/articles/`); those are checked too, once, and returned.
 * Checks every article under each target (folders or files), in order; the results say which came from the cache. */
export async function checkTargets(
  targets: readonly string[],
  { cwd = process.cwd(), checker = new CachedChecker() } = {},
): Promise<{ checked: CheckedFile[]; fromCache: number; registries: CheckedRegistries[] }> {
  // The registries of each target's content folder (see registry-dir.ts), checked once for the report.
  const registries = new Map<string, CheckedRegistries>();
  for (const target of targets) {
    if (findRegistryDir(target) === undefined) continue;
    const found = (await import('./registries.ts')).registriesOf(resolve(target), cwd);
    if (found) registries.set(found.dir, found);
  }
  const files: ReadFile[] = targets
    .flatMap((target) => filesOf(target, cwd))
    .map((file) => ({ ...file, text: readFileSync(file.full, 'utf8') }));
  const results: (CheckedFile | undefined)[] = files.map((file) => checker.cached(file));
  const misses = files.filter((_, index) => !results[index]);
  // The pool (and piscina) is loaded only when there is work for it: a warm check loads no checker at all.
  const pool =
    misses.length >= PARALLEL_FROM && availableParallelism() > 1
      ? new (await import('./check-pool.ts')).CheckPool()
      : undefined;
  try {
    const checked = await Promise.all(files.map((file, index) => results[index] ?? checker.check(file, pool)));
    return { checked, fromCache: files.length - misses.length, registries: [...registries.values()] };
  } finally {
    await pool?.close();
  }
}
