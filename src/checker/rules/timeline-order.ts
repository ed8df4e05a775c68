import { compareDates } from '../../format/date.ts';
import { describeSubject } from '../../format/field-path.ts';
import type { Rule } from './rule.ts';

/**
 * The timeline, which the page shows as an ordered list, is in date order, earliest first. A plain
 * date names a whole day, so it is in order with any time on that day.
 *
 * Good: 2025-05-16T10:00:00+03:00, then 2025-05-16, then 2025-05-17.
 * Bad: 2025-05-16, then 2025-05-11.
 */
export const timelineOrder: Rule = {
  id: 'timeline-order',
  severity: 'warning',
  description: 'Timeline events are in date order, earliest first.',
  check({ article }, report) {
    if (!article) return;
    const dates = article.timeline.map((entry) => entry.date);
    dates.forEach((date, index) => {
      // The latest of the events above that this one comes before.
      const earlier = dates
        .slice(0, index)
        .reduce<string | undefined>(
          (latest, above) =>
            compareDates(date, above) < 0 && (latest === undefined || compareDates(above, latest) > 0) ? above : latest,
          undefined,
        );
      if (earlier === undefined) return;
      const path = ['timeline', index, 'date'];
      report.field(
        path,
        `${describeSubject(path, article)} is ${date}, before an event above it (${earlier}); the page lists the events as written, so put them in date order, earliest first.`,
      );
    });
  },
};
