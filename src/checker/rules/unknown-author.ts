import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';
import { unknownIds } from './unknown-topic.ts';

/**
 * Every entry of `authors` is an id of content/authors.yaml, which gives the byline its name, its
 * page and its type (person or organization). Applied when the article has registries above it.
 *
 * Good: `authors: [sourced-newsroom]`, with `sourced-newsroom:` in content/authors.yaml.
 * Bad: `authors: [sourced-newsrom]`:
 * `Author "sourced-newsrom" is not in content/authors.yaml; did you mean "sourced-newsroom"? ...`
 */
export const unknownAuthor: Rule = {
  id: 'unknown-author',
  severity: 'error',
  description: 'Every author is an id of content/authors.yaml.',
  crossField: ['Every author is an id of content/authors.yaml.'],
  check({ fields, registries }, report) {
    if (!fields || !registries) return;
    for (const { index, id } of unknownIds(fields.authors, registries.authors)) {
      report.field(
        ['authors', index],
        `Author "${id}" is not in ${registries.files.authors}${didYouMean(id, registries.authors) || '.'} Use an id listed there, or add the author to it.`,
      );
    }
  },
};
