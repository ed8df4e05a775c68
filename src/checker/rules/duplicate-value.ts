import { describePath, describeSubject } from '../../format/field-path.ts';
import type { FieldPath } from '../../reader/yaml.ts';
import type { Rule } from './rule.ts';

/**
 * No author, topic, or claim or timeline source is listed twice: the page would show it twice (two
 * topic links, "Sources: BBC; BBC"). Each repeat names the entry it repeats.
 *
 * Good: `topics: [diplomacy, russia-ukraine-war]`.
 * Bad: `topics: [diplomacy, diplomacy]`: `Topic 2 repeats "diplomacy", already listed as topic 1; remove the repeat.`
 */
export const duplicateValue: Rule = {
  id: 'duplicate-value',
  severity: 'warning',
  description: 'No author, topic, or claim or timeline source is listed twice.',
  check({ article }, report) {
    if (!article) return;
    const noRepeats = (path: FieldPath, items: readonly string[]) => {
      const first = new Map<string, number>();
      items.forEach((item, index) => {
        const earlier = first.get(item);
        if (earlier === undefined) first.set(item, index);
        else
          report.field(
            [...path, index],
            `${describeSubject([...path, index], article)} repeats "${item}", already listed as ${describePath([...path, earlier])}; remove the repeat.`,
          );
      });
    };
    noRepeats(['authors'], article.authors);
    noRepeats(['topics'], article.topics);
    article.claims.forEach((claim, index) => noRepeats(['claims', index, 'sources'], claim.sources));
    article.timeline.forEach((entry, index) => noRepeats(['timeline', index, 'sources'], entry.sources));
  },
};
