import { calendarDay, dateValue, isCalendarDate, type Article } from '../../format/index.ts';
import type { SourceLock } from '../../sources/lock.ts';
import { lockDay, lockedSources, type LockFinding } from './lock-finding.ts';
import type { Rule } from './rule.ts';

/**
 * `source-changed` (warning): `npm run sources` found the page's text different from the check
 * before, after the day the newsroom last read it (`accessed`). A plain `accessed` date counts
 * the whole day, so a change on that day is not reported.
 *
 * Bad: `accessed: 2025-05-16` for a page whose text changed on 2025-05-20.
 * Good: after such a change, read the page again, check the quote and the sentences citing it,
 * and move `accessed` to the day you did.
 */
export function sourceChanged(article: Article, lock: SourceLock): LockFinding[] {
  return lockedSources(article, lock)
    .filter(({ source, entry }) => {
      if (entry.changedSince === null) return false;
      return isCalendarDate(source.accessed)
        ? lockDay(entry.changedSince) > source.accessed
        : Date.parse(entry.changedSince) > dateValue(source.accessed);
    })
    .map(({ source, index, entry }) => ({
      rule: 'source-changed',
      severity: 'warning',
      path: ['sources', index, 'accessed'],
      message:
        `The text of source "${source.id}" changed on ${lockDay(entry.changedSince!)}, after it was accessed on ${calendarDay(source.accessed)}; ` +
        `read the page again, check the quote and what the article says, then update accessed.`,
    }));
}

export const sourceChangedRule: Rule = {
  id: 'source-changed',
  severity: 'warning',
  description: "No source's page has changed since the newsroom last read it.",
  check({ article, lock }, report) {
    if (!article || !lock) return;
    for (const finding of sourceChanged(article, lock)) report.field(finding.path, finding.message, finding.severity);
  },
};
