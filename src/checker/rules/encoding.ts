import { reportFound } from './read-problems.ts';
import type { Rule } from './rule.ts';

/**
 * The file is UTF-8 without a byte-order mark, which would hide the opening `---`.
 *
 * Good: a file saved as "UTF-8".
 * Bad: a file saved as "UTF-8 with BOM".
 */
export const encoding: Rule = {
  id: 'encoding',
  severity: 'error',
  description: 'The file is UTF-8 without a byte-order mark.',
  check: reportFound('encoding'),
};
