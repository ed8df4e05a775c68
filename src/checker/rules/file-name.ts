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
  description: "Each part of the file's path is kebab-case, since it becomes the page address.",
  check(article, report) {
    // Only a .md file becomes a page; another name is for not-published to report (unpublished-files.ts).
    const reason =
      article.path === undefined
        ? null
        : badSlugReason(article.path.replace(/\.(?:markdown|mdown|mkdn|mkd|mdx|txt)$/i, '.md'));
    if (reason) report.at({ line: 1, column: 1 }, reason);
  },
};
