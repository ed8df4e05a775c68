import { calendarDay, compareDates } from '../../format/date.ts';
import { describeSubject } from '../../format/field-path.ts';
import type { Rule } from './rule.ts';

/**
 * `updated` reflects the corrections: the page and the structured data give it as the date of the
 * last change. A correction after `updated`, or after the day of publication when there is no
 * `updated`, is warned about. Compared by calendar day.
 *
 * Good: `updated: 2025-05-17` with a correction dated 2025-05-17.
 * Bad: `updated: 2025-05-17` with a correction dated 2025-05-19.
 */
export const correctionNotUpdated: Rule = {
  id: 'correction-not-updated',
  severity: 'warning',
  description: 'The updated date is not before the latest correction.',
  check({ article }, report) {
    if (!article) return;
    const byDay = (a: string, b: string) => compareDates(calendarDay(a), calendarDay(b));
    const latest = article.corrections.reduce<{ index: number; date: string } | undefined>(
      (found, { date }, index) => (!found || byDay(date, found.date) > 0 ? { index, date } : found),
      undefined,
    );
    if (!latest || byDay(latest.date, article.updated ?? article.published) <= 0) return;
    const path = ['corrections', latest.index, 'date'];
    const day = calendarDay(latest.date);
    report.field(
      path,
      article.updated
        ? `${describeSubject(path, article)} is ${latest.date}, after updated (${article.updated}); a correction updates the article, so set updated to ${day} or later.`
        : `${describeSubject(path, article)} is ${latest.date}, after publication (${article.published}), but the article gives no updated date; a correction updates the article, so add updated: ${day}.`,
    );
  },
};
