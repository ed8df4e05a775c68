import { describe, expect, test } from 'vitest';
import { RULES } from '../../src/checker/rules/index.ts';
import { CROSS_FIELD_CHECKS, articleJsonSchema } from '../../src/publishing/json-schema.ts';
import { CLAIM_STATUSES, SOURCE_KINDS, isDateOrDateTime, unsafeUrlReason } from '../../src/format/index.ts';

type Json = Record<string, any>;
const schema = articleJsonSchema('https://example.org/data/article.schema.json') as Json;
const source = schema['properties'].sources.items as Json;
const claim = schema['properties'].claims.items as Json;

describe('articleJsonSchema', () => {
  test('is a draft 2020-12 schema published at the given address', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('https://example.org/data/article.schema.json');
    expect(schema['title']).toBe('Sourced article');
  });

  test('has the fields of the zod schema, the required ones required, and no others allowed', () => {
    expect(Object.keys(schema['properties'])).toEqual([
      'title',
      'description',
      'conclusion',
      'published',
      'updated',
      'authors',
      'topics',
      'draft',
      'sources',
      'claims',
      'timeline',
      'corrections',
    ]);
    expect(schema['required']).toEqual(['title', 'description', 'published', 'authors', 'sources']);
    expect(schema['additionalProperties']).toBe(false);
    expect(source['required']).toEqual(['id', 'kind', 'publisher', 'title', 'url', 'accessed']);
    expect(source['additionalProperties']).toBe(false);
    expect(claim['required']).toEqual(['id', 'statement', 'status', 'sources']);
  });

  test('takes vocabularies, patterns and descriptions from the zod schema', () => {
    expect(source['properties'].kind.enum).toEqual([...SOURCE_KINDS]);
    expect(claim['properties'].status.enum).toEqual([...CLAIM_STATUSES]);
    expect(source['properties'].id.pattern).toBe('^[a-z0-9]+(?:-[a-z0-9]+)*$');
    expect(schema['properties'].title.description).toBe('the headline of the explainer');
    expect(schema['properties'].draft).toEqual({
      default: false,
      description: 'true keeps the article out of every output',
      type: 'boolean',
    });
  });

  test('approximates the date check with a pattern that agrees with it on well-formed values', () => {
    const pattern = new RegExp(schema['properties'].published.pattern);
    for (const value of ['2025-05-11', '2025-05-11T09:30:00+03:00', '2025-05-11T09:30Z', '2025-05-11T09:30:00.123Z']) {
      expect([value, pattern.test(value)]).toEqual([value, isDateOrDateTime(value)]);
    }
    for (const value of ['11 May 2025', '2025-5-11', '2025-05-11T09:30', '2025-05-11 09:30:00Z', '']) {
      expect([value, pattern.test(value), isDateOrDateTime(value)]).toEqual([value, false, false]);
    }
    expect(schema['properties'].updated.pattern).toBe(schema['properties'].published.pattern);
    expect(source['properties'].accessed.pattern).toBe(schema['properties'].published.pattern);
  });

  test('approximates the URL check: http(s) in any case, nothing else', () => {
    const url = source['properties'].url as Json;
    expect(url['format']).toBe('uri');
    const pattern = new RegExp(url['pattern']);
    for (const value of [
      'https://example.org/',
      'HTTP://example.org',
      'javascript:alert(1)',
      'data:text/html,x',
      '//example.org',
      'https:///x',
    ]) {
      expect([value, pattern.test(value)]).toEqual([value, unsafeUrlReason(value) === null]);
    }
    expect(source['properties'].archive.pattern).toBe(url['pattern']);
  });

  test('requires visible text where the zod schema does', () => {
    expect(schema['properties'].title).toMatchObject({ type: 'string', minLength: 1, pattern: '\\S' });
    expect(new RegExp(schema['properties'].title.pattern).test('   ')).toBe(false);
  });

  test("names every check across fields that the checker's rules make and JSON Schema cannot express", () => {
    expect(schema['$comment']).toBe(
      'Also checked, but not expressible in JSON Schema: `updated` is not before `published`. A correction is not dated before `published`. ' +
        "A source's `accessed` date is not before its `published` date. Ids are unique across `sources` and `claims`. " +
        "Every id in a claim's or timeline entry's `sources`, and in a claim's `appearances`, is the id of a source of the article. " +
        'Every author is an id of content/authors.yaml. Every topic is a slug of content/topics.yaml. Every `[@id]` in the body names a source or a claim of the article. ' +
        "No id in a claim's `appearances` is also in its `sources`. A claim with `wording` has `appearances`; the wording is quoted from the first.",
    );
    // Each sentence comes from the rule that makes the check, so a rule cannot be added or dropped without the list following.
    expect(CROSS_FIELD_CHECKS).toEqual(RULES.flatMap((rule) => (rule.crossField ?? []) as string[]));
    expect(RULES.filter((rule) => rule.crossField).map((rule) => rule.id)).toEqual([
      'date-order',
      'duplicate-id',
      'unknown-reference',
      'unknown-author',
      'unknown-topic',
      'unknown-citation',
      'circular-evidence',
      'wording-without-appearance',
    ]);
  });
});
