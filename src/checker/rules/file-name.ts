import { badSlugReason } from '../../format/article-files.ts';
import type { Rule } from './rule.ts';

/**
 * The file's name becomes the page address, so each part of its path must be kebab-case.
 *
 * Good: `content/articles/2025/zelensky-invites-putin.md`.
 * Bad: `content/articles/Talks_In_Istanbul.md`.
 */
export const fileName: Rule = {
  id: 'file-name',
  severity: 'error',
  description: 'Each part of the file\'s path is kebab-case, since it becomes the page address.',
  check(article, report) {
    const reason = article.path === undefined ? null : badSlugReason(article.path);
    if (reason) report.at({ line: 1, column: 1 }, reason);
  },
};
