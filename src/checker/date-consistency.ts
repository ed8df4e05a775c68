import { calendarDay, dateValue } from '../format/date.ts';
import { describeSubject } from '../format/field-path.ts';
import type { Article } from '../format/index.ts';
import type { FieldPath } from './yaml.ts';

/** A date that is possible but does not agree with the others; never stops the build. */
export interface DateFinding {
  rule: 'correction-not-updated' | 'timeline-order';
  /** The frontmatter field the finding is about. */
  path: FieldPath;
  message: string;
}

/**
 * Warns when `updated` does not reflect a correction (a correction after it, or after the day of
 * publication with no `updated` at all: the page and the structured data give `updated` as the
 * date of the last change), and when the timeline, which the page shows as an ordered list, is not
 * in date order. A plain date names a whole day, so it is compared with a date-time by day; two
 * date-times are compared by instant.
 */
export function checkDateConsistency(article: Article): DateFinding[] {
  const findings: DateFinding[] = [];
  const latest = article.corrections.reduce<{ index: number; date: string } | undefined>(
    (found, { date }, index) => (!found || calendarDay(date) > calendarDay(found.date) ? { index, date } : found),
    undefined,
  );
  const lastChange = article.updated ?? article.published;
  if (latest && calendarDay(latest.date) > calendarDay(lastChange)) {
    const path = ['corrections', latest.index, 'date'];
    const day = calendarDay(latest.date);
    findings.push({
      rule: 'correction-not-updated',
      path,
      message: article.updated
        ? `${describeSubject(path, article)} is ${latest.date}, after updated (${article.updated}); a correction updates the article, so set updated to ${day} or later.`
        : `${describeSubject(path, article)} is ${latest.date}, after publication (${article.published}), but the article gives no updated date; a correction updates the article, so add updated: ${day}.`,
    });
  }

  let latestDay: string | undefined;
  let latestTime: string | undefined;
  article.timeline.forEach(({ date }, index) => {
    const timed = date.length > 10;
    const earlier =
      latestDay !== undefined && calendarDay(date) < calendarDay(latestDay)
        ? latestDay
        : timed && latestTime !== undefined && dateValue(date) < dateValue(latestTime)
          ? latestTime
          : undefined;
    if (earlier !== undefined) {
      const path = ['timeline', index, 'date'];
      findings.push({
        rule: 'timeline-order',
        path,
        message: `${describeSubject(path, article)} is ${date}, before an event above it (${earlier}); the page lists the events as written, so put them in date order, earliest first.`,
      });
    }
    if (latestDay === undefined || calendarDay(date) > calendarDay(latestDay)) latestDay = date;
    if (timed && (latestTime === undefined || dateValue(date) > dateValue(latestTime))) latestTime = date;
  });
  return findings;
}
