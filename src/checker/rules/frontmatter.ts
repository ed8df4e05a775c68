import { articleSchema } from '../../format/index.ts';
import { reportFound } from './read-problems.ts';
import type { Rule } from './rule.ts';

const FIELDS = new Set(Object.keys(articleSchema.shape));
const fromReading = reportFound('frontmatter');

/**
 * The file starts with frontmatter between two `---` lines, written as `field: value` lines, and
 * no stray `---` ends it early (the fields after it would be published as text).
 *
 * Good:
 * ```markdown
 * ---
 * title: Talks in Istanbul
 * ---
 * ```
 * Bad: a `---` line between `title:` and `description:`.
 */
export const frontmatter: Rule = {
  id: 'frontmatter',
  severity: 'error',
  description: 'The file starts with YAML frontmatter between two "---" lines, and no stray "---" ends it early.',
  check(article, report) {
    fromReading(article, report);
    if (article.bodyLine === 1) return;
    const lines = article.body.split('\n');
    const first = lines.findIndex((line) => line.trim() !== '');
    const field = /^([a-z]+):(?:\s|$)/.exec(lines[first] ?? '')?.[1];
    if (field && FIELDS.has(field)) {
      const closing = article.bodyLine - 1;
      report.at(
        { line: closing, column: 1 },
        `The frontmatter ends at this "---", but line ${first + 1 + closing} ("${field}:") is a frontmatter field; remove the stray "---" or move the field above it.`,
      );
    }
  },
};
