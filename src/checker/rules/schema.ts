import { reportFound } from './read-problems.ts';
import type { Rule } from './rule.ts';

/**
 * The rules that the article schema (src/format/article.ts) applies to the frontmatter, one per
 * kind of problem; the checker words zod's issues for editors (schema-diagnostics.ts).
 *
 * Good: every required field present, each with a value of its kind:
 * `published: 2025-05-16`, `kind: news`, `url: https://www.reuters.com/world/talks`.
 * Bad: `souces:` (unknown-field), no `title:` (missing-field), `authors: Sourced newsroom`
 * (invalid-type), `kind: newz` (invalid-value), `published: 2025-02-30` (invalid-date),
 * `url: javascript:alert(1)` (unsafe-url), two sources with the same id (duplicate-id), a claim
 * naming a source that does not exist (unknown-reference), an update before publication (date-order).
 */
const schemaRule = (id: string, description: string, crossField?: readonly string[]): Rule => ({
  id,
  severity: 'error',
  description,
  ...(crossField ? { crossField } : {}),
  check: reportFound(id),
});

export const missingField = schemaRule('missing-field', 'Every required field is there.');
export const unknownField = schemaRule('unknown-field', 'No field is unknown (a misspelled field would be ignored).');
export const invalidType = schemaRule(
  'invalid-type',
  'Each field holds the kind of value it takes: text, a list, a group of fields, true or false.',
);
export const invalidValue = schemaRule(
  'invalid-value',
  'Each field holds one of the values it allows: a kebab-case id, a known kind or status.',
);
export const invalidDate = schemaRule(
  'invalid-date',
  'Each date is a real calendar date, YYYY-MM-DD, or a date-time with an offset.',
);
export const dateOrder = schemaRule('date-order', 'Dates come in an order that can have happened.', [
  '`updated` is not before `published`.',
  'A correction is not dated before `published`.',
  "A source's `accessed` date is not before its `published` date.",
]);
export const unsafeUrl = schemaRule('unsafe-url', 'Each web address is a plain, absolute http(s) address.');
export const duplicateId = schemaRule('duplicate-id', 'Ids are unique across sources and claims.', [
  'Ids are unique across `sources` and `claims`.',
]);
export const unknownReference = schemaRule(
  'unknown-reference',
  "Every id in a claim's or timeline entry's sources, and in a claim's appearances, names a source of the article.",
  [
    "Every id in a claim's or timeline entry's `sources`, and in a claim's `appearances`, is the id of a source of the article.",
  ],
);
export const controlCharacter = schemaRule('control-character', 'No text holds an invisible control character.');
