import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { badSlugReason, listArticleFiles } from './article-files.ts';
import { checkArticle, type CheckedArticle } from './check-article.ts';

/** One checked file, with its page slug. */
export interface CheckedFile extends CheckedArticle {
  /** Path as given to the editor: relative to the working folder. */
  file: string;
  slug: string;
}

/** Checks every article in a folder (or the single file given), reporting every problem in every file. */
export function checkFiles(target: string, cwd = process.cwd()): CheckedFile[] {
  const isFile = statSync(target).isFile();
  const root = isFile ? join(target, '..') : target;
  const files = isFile ? [relative(root, target)] : listArticleFiles(target);
  return files.map((path) => {
    const full = join(root, path);
    const file = relative(cwd, full) || full;
    const checked = checkArticle(file, readFileSync(full, 'utf8'));
    const slugProblem = badSlugReason(path);
    if (slugProblem) {
      checked.diagnostics.unshift({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: slugProblem });
    }
    return { ...checked, file, slug: path.replace(/\.md$/, '') };
  });
}
