import { calendarDay } from '../schemas/date.ts';
import type { Article } from '../schemas/index.ts';
import { formatPath } from './schema-diagnostics.ts';
import type { FieldPath } from './yaml.ts';

/** A date that cannot have happened yet. */
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
 * may be dated ahead. Timeline entries may name events still to come.
 */
export function findFutureDates(article: Article, latest: string): FutureDate[] {
  if (article.draft) return [];
  const fields: [FieldPath, string | undefined][] = [
    [['published'], article.published],
    [['updated'], article.updated],
    ...article.sources.flatMap((source, index): [FieldPath, string | undefined][] => [
      [['sources', index, 'published'], source.published],
      [['sources', index, 'accessed'], source.accessed],
    ]),
    ...article.corrections.map((correction, index): [FieldPath, string] => [['corrections', index, 'date'], correction.date]),
  ];
  return fields
    .filter(([, value]) => value !== undefined && calendarDay(value) > latest)
    .map(([path, value]) => ({
      path,
      message: `Field "${formatPath(path)}" is ${value}, a date still to come; check the year. Only a draft (draft: true) may be dated ahead.`,
    }));
}
