import { httpUrlSchema } from './url.ts';
import { idSchema, textSchema } from './id.ts';
import { z } from './zod.ts';

/** What kind of organisation a publisher is. */
export const PUBLISHER_TYPES = [
  'news agency',
  'broadcaster',
  'newspaper',
  'magazine',
  'online outlet',
  'government',
  'international organization',
  'research',
  'other',
] as const;

const publisherFields = z.strictObject({
  /** The name readers know, such as `TASS` or `The Kyiv Independent`. */
  name: textSchema.describe('the name readers know, such as TASS'),
  /** The publisher's home page, as seen in the research or a stored copy; leave it out rather than guess it. */
  homepage: httpUrlSchema
    .optional()
    .describe("the publisher's home page, starting with https://, as seen in the research"),
  /**
   * The publisher's country, as an ISO 3166-1 two-letter code such as `RU` or `GB`: for a
   * state-affiliated publisher, the state behind it. Left out when no document shows it.
   */
  country: z
    .string({ error: 'must be a two-letter country code such as RU or GB' })
    .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter ISO 3166-1 country code in capitals, such as RU or GB' })
    .optional()
    .describe(
      "the publisher's country, a two-letter code such as RU; for a state-affiliated publisher, the state behind it",
    ),
  /** news agency, broadcaster, newspaper, magazine, online outlet, government, international organization, research or other. */
  type: z
    .enum(PUBLISHER_TYPES, { error: `must be one of ${PUBLISHER_TYPES.join(', ')}` })
    .describe(`one of ${PUBLISHER_TYPES.join(', ')}`),
  /** True when a state owns or controls the publisher, or the publisher is part of a government. */
  stateAffiliated: z
    .boolean({ error: 'must be true or false' })
    .describe('true when a state owns or controls the publisher, or it is part of a government'),
  /**
   * The address of a document that establishes `stateAffiliated`: required when it is true. When it
   * is false, give one only where readers might assume otherwise (a public broadcaster, say).
   */
  basis: httpUrlSchema
    .optional()
    .describe('the address of a document showing the state affiliation, starting with https://'),
  /** Who owns the publisher, when that matters to readers: `Government of Russia`. */
  owner: textSchema.optional().describe('who owns the publisher, such as Government of Russia'),
});

/** A publisher of `content/publishers.yaml`: who stands behind the sources the articles cite. */
export const publisherSchema = publisherFields.superRefine(
  (publisher, ctx) => {
    if (publisher.stateAffiliated === true && publisher.basis === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['stateAffiliated'],
        message:
          'is true, but no basis is given; add basis: the address of a document showing that a state owns or controls the publisher',
        params: { rule: 'missing-basis' },
      });
    }
  },
  { when: () => true },
);

/** `content/publishers.yaml`: each publisher under the kebab-case id sources name in `publisher` and `via`. */
export const publishersSchema = z.record(idSchema, publisherSchema, {
  error: 'must be a list of "id:" entries, each with name, country, type and stateAffiliated',
});

export type Publisher = z.output<typeof publisherSchema>;
export type PublisherType = (typeof PUBLISHER_TYPES)[number];

/**
 * What makes two publisher names one publisher: case and surrounding spaces do not count
 * (`Reuters`, `reuters ` and ` REUTERS` are one). Used wherever publishers are told apart: the
 * single-publisher rule, the evidence profile and the sources page. A registry id is its own key.
 */
export const publisherKey = (publisher: string): string => publisher.trim().toLowerCase();
