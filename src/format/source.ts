import { dateSchema } from './date.ts';
import { idSchema, textSchema } from './id.ts';
import { httpUrlSchema } from './url.ts';
import { z } from './zod.ts';

/** What kind of document a source is. */
export const SOURCE_KINDS = ['primary', 'official', 'news', 'analysis', 'reference', 'other'] as const;

/** One document the article relies on. */
export const sourceSchema = z.strictObject({
  /** Short name used to cite the source in the text, as `[@id]`. */
  id: idSchema.describe('kebab-case name used to cite this source as [@id], e.g. bbc-putin-talks'),
  /** primary: the record itself (statement, transcript); official: a government or institution's page; news; analysis; reference; other. */
  kind: z
    .enum(SOURCE_KINDS, { error: 'must be one of primary, official, news, analysis, reference, other' })
    .describe('one of primary, official, news, analysis, reference, other'),
  /** Who published it: an id from `content/publishers.yaml` (`bbc-news`), or the name readers know. */
  publisher: textSchema.describe('who published the source: a publisher id such as bbc-news, or its name'),
  /** The site the newsroom read it on, when that republished it: a publisher id, or its name. */
  via: textSchema.optional().describe('the republishing site it was read on: a publisher id, or its name'),
  /** The headline or document title as published. */
  title: textSchema.describe('the headline or document title as published'),
  /** Where the source is, an absolute https:// address. */
  url: httpUrlSchema.describe('the address of the source, starting with https://'),
  /** The day the newsroom last read the source. */
  accessed: dateSchema.describe('the day the newsroom last read the source, YYYY-MM-DD'),
  /** When the source was published, if it says. */
  published: dateSchema.optional().describe('when the source was published, YYYY-MM-DD'),
  /** An archived copy (for example on web.archive.org) that survives if the original changes. */
  archive: httpUrlSchema.optional().describe('address of an archived copy, starting with https://'),
  /** A short excerpt copied word for word from the source that supports what the article says. */
  quote: textSchema.optional().describe('a verbatim excerpt that supports the article'),
  /** Language of the quote when it is not English, as a BCP 47 code such as `ru` or `uk`. */
  lang: z
    .string({ error: 'must be a language code such as ru or uk' })
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a BCP 47 language code such as ru, uk or pt-BR' })
    .optional()
    .describe('language of the quote when it is not English, such as ru'),
  /** True when the source speaks for a party to the story (a government about its own actions, say). */
  party: z
    .boolean({ error: 'must be true or false' })
    .optional()
    .describe('true when the source is a party to the story'),
});

export type Source = z.output<typeof sourceSchema>;
export type SourceKind = (typeof SOURCE_KINDS)[number];

// A title the editor could not read off the page ends with this note, by the convention of
// docs/content-format.md: what precedes it describes the source, and is no headline.
const UNKNOWN_HEADLINE = /\s*\((?:page )?headline not shown in stored copy\)$/;

/**
 * A source whose headline is unknown: the description its title holds instead (the title without
 * the closing "(headline not shown in stored copy)"), or undefined for a real headline.
 */
export function headlineUnknown(title: string): string | undefined {
  return UNKNOWN_HEADLINE.test(title) ? title.replace(UNKNOWN_HEADLINE, '') : undefined;
}
