import { describePath, describeSubject } from '../format/field-path.ts';
import type { Article } from '../format/index.ts';
import type { FieldPath } from './yaml.ts';

/** An entry listed twice; never stops the build. */
export interface RepeatFinding {
  rule: 'duplicate-value';
  /** The repeated entry. */
  path: FieldPath;
  message: string;
}

/**
 * Warns about an author, topic, or claim or timeline source listed twice: the page would show it
 * twice (two topic links, "Sources: BBC; BBC"). Each repeat names the entry it repeats.
 */
export function findRepeats(article: Article): RepeatFinding[] {
  const findings: RepeatFinding[] = [];
  const noRepeats = (path: FieldPath, items: readonly string[]) => {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const earlier = first.get(item);
      if (earlier === undefined) first.set(item, index);
      else {
        findings.push({
          rule: 'duplicate-value',
          path: [...path, index],
          message: `${describeSubject([...path, index], article)} repeats "${item}", already listed as ${describePath([...path, earlier])}; remove the repeat.`,
        });
      }
    });
  };
  noRepeats(['authors'], article.authors);
  noRepeats(['topics'], article.topics);
  article.claims.forEach((claim, index) => noRepeats(['claims', index, 'sources'], claim.sources));
  article.timeline.forEach((entry, index) => noRepeats(['timeline', index, 'sources'], entry.sources));
  return findings;
}
