import type { Rule } from './rule.ts';

/**
 * The article's lock file (content/sources/<slug>.lock.json, written by `npm run sources`) can be
 * read, when there is one; none at all is no problem.
 *
 * Good: no lock file, or the one `npm run sources` wrote.
 * Bad: a lock file edited by hand into invalid JSON: `The lock file ... cannot be read: ...`
 */
export const sourceLock: Rule = {
  id: 'source-lock',
  severity: 'warning',
  description: "The article's lock file, when there is one, can be read.",
  check({ lockProblem }, report) {
    if (lockProblem) report.at({ line: 1, column: 1 }, lockProblem);
  },
};
