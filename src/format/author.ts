import { httpUrlSchema } from './url.ts';
import { idSchema, textSchema } from './id.ts';
import { z } from './zod.ts';

/** Whether a byline is one person or an organisation (a newsroom, a desk). */
export const AUTHOR_TYPES = ['person', 'organization'] as const;

/** An author of `content/authors.yaml`: a byline, with the page that lists their explainers. */
export const authorSchema = z.strictObject({
  /** The byline as readers see it. */
  name: textSchema.describe('the byline as readers see it, such as Sourced newsroom'),
  /** person or organization: how search engines and the structured data describe the byline. */
  type: z.enum(AUTHOR_TYPES, { error: 'must be person or organization' }).describe('person or organization'),
  /** What the author does at Sourced, such as `Editor` or `Verification desk`. */
  role: textSchema.describe('what the author does, such as Editor'),
  /** A few sentences shown on the author's page. */
  bio: textSchema.describe('a few sentences about the author, shown on their page'),
  /** The author's own page elsewhere, if they have one. */
  url: httpUrlSchema.optional().describe("the address of the author's own page, starting with https://"),
});

/** `content/authors.yaml`: each author under the kebab-case id articles list in `authors`. */
export const authorsSchema = z.record(idSchema, authorSchema, {
  error: 'must be a list of "id:" entries, each with name, type, role and bio',
});

export type Author = z.output<typeof authorSchema>;
export type AuthorType = (typeof AUTHOR_TYPES)[number];
