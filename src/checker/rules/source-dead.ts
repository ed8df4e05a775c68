import type { Article } from '../../format/index.ts';
import type { SourceLock } from '../../sources/lock.ts';
import { lockDay, lockedSources, type LockFinding } from './lock-finding.ts';
import type { Rule } from './rule.ts';

/**
 * `source-dead`: the source's address failed 3 checks at least 3 days apart (404, 410, DNS
 * failure, refused connection, timeout). An error when there is no archived copy to send readers
 * to (neither `archive:` nor one in the lock), a warning when there is.
 *
 * Bad: a dead `url:` and no `archive:`.
 * Good: a working address, or an `archive:` copy (`npm run sources -- --archive` finds one).
 */
export function sourceDead(article: Article, lock: SourceLock): LockFinding[] {
  return lockedSources(article, lock)
    .filter(({ entry }) => entry.dead)
    .map(({ source, index, entry }) => {
      const why = entry.httpStatus === null ? (entry.error ?? 'no answer') : `status ${entry.httpStatus}`;
      const failed = `Source "${source.id}" no longer works: ${source.url} failed ${entry.failures} checks since ${lockDay(entry.firstFailure ?? entry.checked)} (last: ${why})`;
      const archived = source.archive ?? entry.archive;
      return archived
        ? {
            rule: 'source-dead',
            severity: 'warning',
            path: ['sources', index, 'url'],
            message: `${failed}; readers are sent to its archived copy, ${archived}. Replace the source if a working copy exists.`,
          }
        : {
            rule: 'source-dead',
            severity: 'error',
            path: ['sources', index, 'url'],
            message: `${failed}, and it has no archived copy; add one as archive: (npm run sources -- --archive looks for one), or replace the source.`,
          };
    });
}

export const sourceDeadRule: Rule = {
  id: 'source-dead',
  severity: 'error',
  description: "No source's address has stopped working (a warning when an archived copy stands in).",
  check({ article, lock }, report) {
    if (!article || !lock) return;
    for (const finding of sourceDead(article, lock)) report.field(finding.path, finding.message, finding.severity);
  },
};
