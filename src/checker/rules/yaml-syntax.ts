import { reportFound } from './read-problems.ts';
import type { Rule } from './rule.ts';

/**
 * The frontmatter is valid YAML: no tabs as indentation, no unclosed quotes or brackets, no field
 * written twice, no aliases that expand without limit.
 *
 * Good: `title: "Talks: what happened"`
 * Bad: `title: 'Talks in Istanbul` (the quote is never closed).
 */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The frontmatter is valid YAML.',
  check: reportFound('yaml-syntax'),
};
