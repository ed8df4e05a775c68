import { RULES } from '../checker/rules/index.ts';
import {
  articleSchema,
  authorsSchema,
  dateSchema,
  httpUrlSchema,
  publishersSchema,
  REGISTRY_FILES,
  topicsSchema,
  type RegistryName,
} from '../format/index.ts';
import { textSchema } from '../format/id.ts';
import { z } from '../format/zod.ts';

/**
 * What JSON Schema cannot say about a date, a web address or required text: these checks are
 * functions in the zod schema, so the generated schema carries the closest pattern instead.
 */
const APPROXIMATIONS = [
  {
    schema: dateSchema,
    json: {
      pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
      $comment:
        'YYYY-MM-DD, or a date-time with an offset; the checker also rejects dates that do not exist, such as 2025-02-30.',
    },
  },
  {
    schema: httpUrlSchema,
    json: {
      format: 'uri',
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/]',
      $comment:
        'An absolute http(s) address; the checker also rejects spaces, control characters, user names and passwords, and hosts without a dot.',
    },
  },
  { schema: textSchema, json: { minLength: 1, pattern: '\\S' } },
] as const;

/** The checks across fields, which JSON Schema cannot express: those the checker's rules declare (src/checker/rules/). */
export const CROSS_FIELD_CHECKS: readonly string[] = RULES.flatMap((rule) => rule.crossField ?? []);

/** zod's JSON Schema of `schema` (input shape), with the closest patterns for what functions check. */
function generate(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const match = APPROXIMATIONS.find(({ schema: approximated }) => approximated._zod.def === zodSchema._zod.def);
      if (match) Object.assign(jsonSchema, match.json);
    },
  });
}

const REGISTRY_SCHEMAS: Record<RegistryName, { schema: z.ZodType; title: string }> = {
  topics: { schema: topicsSchema, title: 'Sourced topics' },
  authors: { schema: authorsSchema, title: 'Sourced authors' },
  publishers: { schema: publishersSchema, title: 'Sourced publishers' },
};

/**
 * The JSON Schema (draft 2020-12) of a registry file (content/topics.yaml, authors.yaml or
 * publishers.yaml), generated from the zod schema the checker and the build use. `id` is the
 * address the schema is published at.
 */
export function registryJsonSchema(name: RegistryName, id: string): Record<string, unknown> {
  const { schema, title } = REGISTRY_SCHEMAS[name];
  const { $schema, ...rest } = generate(schema);
  if (name === 'publishers') {
    // The one check across fields JSON Schema can say: stateAffiliated: true needs a basis.
    Object.assign(rest['additionalProperties'] as Record<string, unknown>, {
      if: { properties: { stateAffiliated: { const: true } }, required: ['stateAffiliated'] },
      then: { required: ['basis'] },
    });
  }
  return {
    $schema,
    $id: id,
    title,
    description: `content/${REGISTRY_FILES[name]}, as JSON. Generated from the zod schema the checker uses.`,
    ...rest,
  };
}

/**
 * The JSON Schema (draft 2020-12) of an article's frontmatter, generated from the zod
 * `articleSchema` that the checker and the build use (the input shape: fields with defaults are
 * optional). `id` is the address the schema is published at.
 */
export function articleJsonSchema(id: string): Record<string, unknown> {
  const { $schema, ...rest } = generate(articleSchema);
  return {
    $schema,
    $id: id,
    title: 'Sourced article',
    description:
      'The YAML frontmatter of a Sourced article (content/articles/<slug>.md), as JSON. Generated from the zod schema the checker uses.',
    $comment: `Also checked, but not expressible in JSON Schema: ${CROSS_FIELD_CHECKS.join(' ')}`,
    ...rest,
  };
}
