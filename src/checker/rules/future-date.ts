import { compareDates, validDate } from '../../format/date.ts';
import { describeSubject } from '../../format/field-path.ts';
import { list } from '../../format/loose.ts';
import type { FieldPath } from '../../reader/yaml.ts';
import type { Rule } from './rule.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last calendar day a date may name: today in UTC (or `SOURCED_TODAY`, `YYYY-MM-DD`), plus one
 * day, since an editor east of Greenwich is already a day ahead of UTC.
 */
export function latestPossibleDay(
  now: Date = new Date(),
  today: string | undefined = process.env.SOURCED_TODAY,
): string {
  const base = today && DAY.test(today) ? new Date(`${today}T00:00:00Z`) : now;
  return new Date(base.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dates that say something has already happened (publication, update, when a source was
 * published and read, corrections) lie no later than the latest possible day: a later one is
 * nearly always a mistyped year. A warning, since synthetic or imported archives may carry such
 * dates on purpose. A draft may be dated ahead; timeline entries may name events still to come.
 * Reads frontmatter that may be invalid in other ways, so that one run reports every problem.
 *
 * Good: `published: 2025-05-16` (on or after 15 May 2025).
 * Bad: `published: 2205-05-16`: `Field "published" is 2205-05-16, a date still to come; check the year ...`
 */
export const futureDate: Rule = {
  id: 'future-date',
  severity: 'warning',
  description: 'Publication, update, source and correction dates are not still to come (drafts aside).',
  check({ fields, latestDay }, report) {
    if (!fields || fields.draft === true) return;
    const dated: [FieldPath, unknown][] = [
      [['published'], fields.published],
      [['updated'], fields.updated],
      ...list(fields.sources).flatMap((source, index): [FieldPath, unknown][] => [
        [['sources', index, 'published'], source.published],
        [['sources', index, 'accessed'], source.accessed],
      ]),
      ...list(fields.corrections).map((correction, index): [FieldPath, unknown] => [
        ['corrections', index, 'date'],
        correction.date,
      ]),
    ];
    for (const [path, value] of dated) {
      if (validDate(value) && compareDates(value, latestDay) > 0) {
        report.field(
          path,
          `${describeSubject(path, fields)} is ${value}, a date still to come; check the year (only a draft should be dated ahead).`,
        );
      }
    }
  },
};
