import { MAX_ARTICLE_BYTES } from '../parse-article.ts';
import type { Rule } from './rule.ts';

/**
 * An article file over 1,000,000 bytes is refused unread.
 *
 * Good: an explainer of a few thousand words (about 30 KB).
 * Bad: a 2 MB file: `The file is 2000000 bytes, over the limit of 1000000 bytes; split it into several articles.`
 */
export const fileTooLarge: Rule = {
  id: 'file-too-large',
  severity: 'error',
  description: `An article file may hold at most ${MAX_ARTICLE_BYTES} bytes.`,
  check(article, report) {
    if (article.bytes > MAX_ARTICLE_BYTES) {
      report.at(
        { line: 1, column: 1 },
        `The file is ${article.bytes} bytes, over the limit of ${MAX_ARTICLE_BYTES} bytes; split it into several articles.`,
      );
    }
  },
};
