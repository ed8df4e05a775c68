import { KEBAB_CASE } from '../../format/id.ts';
import type { Loose } from '../../format/loose.ts';
import type { RegistryIndex } from '../registry-index.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleFinding } from './finding.ts';

/**
 * unknown-topic (error): every entry of `topics` is a slug of content/topics.yaml, which gives the
 * topic its label and the description on its page.
 *
 * Good: `topics: [russia-ukraine-war]`, with `russia-ukraine-war:` in content/topics.yaml.
 * Bad: `topics: [russia-ukrane-war]`.
 */
export function unknownTopics(frontmatter: Loose, registries: RegistryIndex): RuleFinding[] {
  return unknownIds(frontmatter.topics, registries.topics).map(({ index, id }) => ({
    rule: 'unknown-topic',
    severity: 'error',
    path: ['topics', index],
    message: `Topic "${id}" is not in ${registries.files.topics}${didYouMean(id, registries.topics) || '.'} Use a slug listed there, or add the topic to it with a label and a description.`,
  }));
}

/**
 * The ids in a list that are not among `known`, with their places. Entries that are not ids at all
 * are left to the schema, which reports them.
 */
export function unknownIds(value: unknown, known: readonly string[]): { index: number; id: string }[] {
  const ids = new Set(known);
  return Array.isArray(value)
    ? value.flatMap((id: unknown, index) => (typeof id === 'string' && KEBAB_CASE.test(id) && !ids.has(id) ? [{ index, id }] : []))
    : [];
}

