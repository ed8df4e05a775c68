import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { badSlugReason, listArticleFiles } from './article-files.ts';
import { checkArticle, type CheckedArticle } from './check-article.ts';
import { availableParallelism } from 'node:os';
import { CheckPool } from './check-pool.ts';
import { textDigest } from './prechecked.ts';

/** One checked file, with its page slug. */
export interface CheckedFile extends CheckedArticle {
  /** Path as given to the editor: relative to the working folder. */
  file: string;
  slug: string;
  /** Absolute path of the file. */
  full: string;
  /** Digest of the exact text that was checked (see prechecked.ts). */
  digest: string;
}

/** The files to check under `target` (a folder, or a single file), as editors see them. */
function filesOf(target: string, cwd: string): { path: string; full: string; file: string }[] {
  const isFile = statSync(target).isFile();
  const root = isFile ? join(target, '..') : target;
  const files = isFile ? [relative(root, target)] : listArticleFiles(target);
  return files.map((path) => {
    const full = resolve(root, path);
    return { path, full, file: relative(cwd, full) || full };
  });
}

function withSlug(checked: CheckedArticle, path: string, file: string, full: string, text: string): CheckedFile {
  const slugProblem = badSlugReason(path);
  if (slugProblem) {
    checked.diagnostics.unshift({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: slugProblem });
  }
  return { ...checked, file, slug: path.replace(/\.md$/, ''), full, digest: textDigest(text) };
}

/** Checks every article in a folder (or the single file given), reporting every problem in every file. */
function checkFiles(target: string, cwd = process.cwd()): CheckedFile[] {
  return filesOf(target, cwd).map(({ path, full, file }) => {
    const text = readFileSync(full, 'utf8');
    return withSlug(checkArticle(file, text), path, file, full, text);
  });
}

/** `checkFiles` with the checks spread over a pool of worker threads; same results, same order. */
async function checkFilesInPool(target: string, pool: CheckPool, cwd = process.cwd()): Promise<CheckedFile[]> {
  const files = filesOf(target, cwd);
  const texts = files.map(({ full }) => readFileSync(full, 'utf8'));
  const checked = await Promise.all(files.map(({ file }, index) => pool.check(file, texts[index]!)));
  return files.map(({ path, file, full }, index) => withSlug(checked[index]!, path, file, full, texts[index]!));
}

/**
 * Parsing is CPU-bound, so from this many articles on they are checked on one worker thread per
 * core; a worker takes about a quarter of a second to start, which pays off only beyond a few dozen.
 */
const PARALLEL_FROM = 64;

/** Checks every article under each target (folders or files), in parallel when there are many. */
export async function checkTargets(targets: readonly string[], cwd = process.cwd()): Promise<CheckedFile[]> {
  const count = targets.reduce((sum, target) => sum + (statSync(target).isFile() ? 1 : listArticleFiles(target).length), 0);
  if (count < PARALLEL_FROM || availableParallelism() < 2) return targets.flatMap((target) => checkFiles(target, cwd));
  const pool = new CheckPool();
  try {
    const checked: CheckedFile[] = [];
    for (const target of targets) checked.push(...(await checkFilesInPool(target, pool, cwd)));
    return checked;
  } finally {
    await pool.close();
  }
}
