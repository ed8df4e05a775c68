import { calendarDay, validDate } from '../format/date.ts';
import { describeSubject } from '../format/field-path.ts';
import { list, type Loose } from '../format/loose.ts';
import type { FieldPath } from './yaml.ts';

/** A date that cannot have happened yet: a warning, since synthetic or imported archives may carry such dates on purpose. */
export interface FutureDate {
  /** The frontmatter field that holds it. */
  path: FieldPath;
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last calendar day a date may name: today in UTC (or `SOURCED_TODAY`, `YYYY-MM-DD`), plus one
 * day, since an editor east of Greenwich is already a day ahead of UTC.
 */
export function latestPossibleDay(now: Date = new Date(), today: string | undefined = process.env.SOURCED_TODAY): string {
  const base = today && DAY.test(today) ? new Date(`${today}T00:00:00Z`) : now;
  return new Date(base.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dates that say something has already happened (publication, update, when a source was
 * published and read, corrections) but lie after `latest`: nearly always a mistyped year. A draft
 * may be dated ahead. Timeline entries may name events still to come. Reads frontmatter that may
 * be invalid in other ways, so that one run reports every problem.
 */
export function findFutureDates(article: Loose, latest: string): FutureDate[] {
  if (article.draft === true) return [];
  const fields: [FieldPath, unknown][] = [
    [['published'], article.published],
    [['updated'], article.updated],
    ...list(article.sources).flatMap((source, index): [FieldPath, unknown][] => [
      [['sources', index, 'published'], source.published],
      [['sources', index, 'accessed'], source.accessed],
    ]),
    ...list(article.corrections).map((correction, index): [FieldPath, unknown] => [['corrections', index, 'date'], correction.date]),
  ];
  return fields
    .filter((field): field is [FieldPath, string] => validDate(field[1]) && calendarDay(field[1]) > latest)
    .map(([path, value]) => ({
      path,
      message: `${describeSubject(path, article)} is ${value}, a date still to come; check the year (only a draft should be dated ahead).`,
    }));
}
