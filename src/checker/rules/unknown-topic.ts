import { KEBAB_CASE } from '../../format/id.ts';
import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';

/**
 * Every entry of `topics` is a slug of content/topics.yaml, which gives the topic its label and
 * the description on its page. Applied when the article has registries above it.
 *
 * Good: `topics: [russia-ukraine-war]`, with `russia-ukraine-war:` in content/topics.yaml.
 * Bad: `topics: [russia-ukrane-war]`:
 * `Topic "russia-ukrane-war" is not in content/topics.yaml; did you mean "russia-ukraine-war"? ...`
 */
export const unknownTopic: Rule = {
  id: 'unknown-topic',
  severity: 'error',
  description: 'Every topic is a slug of content/topics.yaml.',
  crossField: ['Every topic is a slug of content/topics.yaml.'],
  check({ fields, registries }, report) {
    if (!fields || !registries) return;
    for (const { index, id } of unknownIds(fields.topics, registries.topics)) {
      report.field(
        ['topics', index],
        `Topic "${id}" is not in ${registries.files.topics}${didYouMean(id, registries.topics) || '.'} Use a slug listed there, or add the topic to it with a label and a description.`,
      );
    }
  },
};

/**
 * The ids in a list that are not among `known`, with their places. Entries that are not ids at all
 * are left to the schema, which reports them.
 */
export function unknownIds(value: unknown, known: readonly string[]): { index: number; id: string }[] {
  const ids = new Set(known);
  return Array.isArray(value)
    ? value.flatMap((id: unknown, index) =>
        typeof id === 'string' && KEBAB_CASE.test(id) && !ids.has(id) ? [{ index, id }] : [],
      )
    : [];
}
