import type { Loose } from '../../format/loose.ts';
import type { RegistryIndex } from '../registry-index.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleFinding } from './finding.ts';
import { unknownIds } from './unknown-topic.ts';

/**
 * unknown-author (error): every entry of `authors` is an id of content/authors.yaml, which gives the
 * byline its name, its page and its type (person or organization).
 *
 * Good: `authors: [sourced-newsroom]`, with `sourced-newsroom:` in content/authors.yaml.
 * Bad: `authors: [Sourced newsroom]`.
 */
export function unknownAuthors(frontmatter: Loose, registries: RegistryIndex): RuleFinding[] {
  return unknownIds(frontmatter.authors, registries.authors).map(({ index, id }) => ({
    rule: 'unknown-author',
    severity: 'error',
    path: ['authors', index],
    message: `Author "${id}" is not in ${registries.files.authors}${didYouMean(id, registries.authors) || '.'} Use an id listed there, or add the author to it.`,
  }));
}
