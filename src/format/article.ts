import { claimSchema, pastClaimSchema } from './claim.ts';
import { compareDates, dateSchema, validDate } from './date.ts';
import { describePath } from './field-path.ts';
import { idSchema, textSchema } from './id.ts';
import { list, type Loose } from './loose.ts';
import { sourceSchema } from './source.ts';
import { z } from './zod.ts';

/** A dated entry in the article's timeline of events. */
export const timelineEntrySchema = z.strictObject({
  date: dateSchema.describe('when it happened, YYYY-MM-DD'),
  text: textSchema.describe('what happened, in one or two sentences'),
  sources: z
    .array(idSchema, { error: 'must be a list of source ids' })
    .min(1, { error: 'must name at least one source id' })
    .describe('list of the ids of the sources for this event'),
});

/** A dated note telling readers what was wrong in an earlier version and what changed. */
export const correctionSchema = z.strictObject({
  date: dateSchema.describe('when the correction was made, YYYY-MM-DD'),
  text: textSchema.describe('what was wrong and what it now says'),
});

const articleFields = z.strictObject({
  /** The headline. */
  title: textSchema.describe('the headline of the explainer'),
  /** One paragraph shown under the title and in listings. */
  description: textSchema.describe('a one-paragraph summary shown under the title and in listings'),
  /**
   * The explainer's verdict in one plain sentence (no Markdown, no citations), shown under the
   * headline and in listings; required when the article has claims (see requireConclusion).
   */
  conclusion: textSchema.optional().describe('one plain sentence saying what the explainer concludes'),
  /** Publication date. */
  published: dateSchema.describe('the publication date, YYYY-MM-DD'),
  /** Date of the last substantive update; not before `published`. */
  updated: dateSchema.optional().describe('the date of the last update, YYYY-MM-DD, not before published'),
  /** Bylines: ids from `content/authors.yaml`. */
  authors: z
    .array(idSchema, { error: 'must be a list of author ids' })
    .min(1, { error: 'must list at least one author id' })
    .describe('the list of bylines, at least one author id from content/authors.yaml'),
  /** Topic slugs from `content/topics.yaml`, such as `russia-ukraine-war`. */
  topics: z
    .array(idSchema, { error: 'must be a list of kebab-case topic slugs' })
    .default([])
    .describe('a list of topic slugs from content/topics.yaml, such as russia-ukraine-war'),
  /** A draft is checked but never published. */
  draft: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe('true keeps the article out of every output'),
  /** Every document the article relies on. */
  sources: z
    .array(sourceSchema, { error: 'must be a list of sources' })
    .min(1, { error: 'must list at least one source' })
    .describe('the list of sources; each has id, kind, publisher, title, url and accessed'),
  /** The checkable statements the article examines. */
  claims: z
    .array(claimSchema, { error: 'must be a list of claims' })
    .default([])
    .describe('the list of claims; each has id, statement, status and sources'),
  /** Events in date order. */
  timeline: z
    .array(timelineEntrySchema, { error: 'must be a list of events' })
    .default([])
    .describe('a list of events; each has date, text and sources'),
  /** Corrections, newest last. */
  corrections: z
    .array(correctionSchema, { error: 'must be a list of corrections' })
    .default([])
    .describe('a list of corrections; each has date and text'),
});

/**
 * The checks that look across fields: date order, ids unique across sources and claims, and
 * references to known sources. They run even when other fields are invalid, so that one run
 * reports every problem; hence they read the input defensively.
 */
function checkAcrossFields(article: Loose, ctx: z.RefinementCtx): void {
  const { published, updated } = article;
  if (validDate(updated) && validDate(published) && compareDates(updated, published) < 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['updated'],
      message: `is ${updated}, before published (${published}); an update cannot come before publication`,
      params: { rule: 'date-order' },
    });
  }
  // A correction made before publication is impossible. (Whether `updated` reflects the
  // corrections is a warning: see src/checker/rules/correction-not-updated.ts.)
  list(article.corrections).forEach(({ date }, index) => {
    if (validDate(date) && validDate(published) && compareDates(date, published) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', index, 'date'],
        message: `is ${date}, before published (${published}); a correction cannot come before publication`,
        params: { rule: 'date-order' },
      });
    }
  });
  const sources = list(article.sources);
  const seen = new Map<string, (string | number)[]>();
  const items = [
    ...sources.map((source, index) => ({ id: source.id, path: ['sources', index, 'id'] })),
    ...list(article.claims).map((claim, index) => ({ id: claim.id, path: ['claims', index, 'id'] })),
  ];
  for (const { id, path } of items) {
    if (typeof id !== 'string') continue;
    const first = seen.get(id);
    if (first) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `has the id "${id}", already the id of ${describePath(first.slice(0, 2))}; ids must be unique across sources and claims`,
        params: { rule: 'duplicate-id', first },
      });
    } else {
      seen.set(id, path);
    }
  }
  sources.forEach((source, index) => {
    const { accessed, published } = source;
    if (validDate(accessed) && validDate(published) && compareDates(accessed, published) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources', index, 'accessed'],
        message: `is ${accessed}, before the source was published (${published}); a source cannot be read before it exists`,
        params: { rule: 'date-order' },
      });
    }
  });
  const sourceIds = sources.map((source) => source.id).filter((id): id is string => typeof id === 'string');
  const known = new Set(sourceIds);
  const checkReferences = (field: 'claims' | 'timeline', key: 'sources' | 'appearances' = 'sources') =>
    list(article[field]).forEach((item, index) => {
      const refs = item[key];
      if (!Array.isArray(refs)) return;
      refs.forEach((ref: unknown, refIndex: number) => {
        if (typeof ref === 'string' && !known.has(ref)) {
          ctx.addIssue({
            code: 'custom',
            path: [field, index, key, refIndex],
            message: `names "${ref}", which is not the id of a source in this article`,
            params: { rule: 'unknown-reference', value: ref, candidates: sourceIds },
          });
        }
      });
    });
  checkReferences('claims');
  checkReferences('claims', 'appearances');
  checkReferences('timeline');
}

/**
 * An article that rates claims says what it concludes, so that a reader sees the verdict first.
 * Reported at the `claims:` key, the reason the field is required.
 */
function requireConclusion(article: Loose, ctx: z.RefinementCtx): void {
  if (article.conclusion !== undefined || list(article.claims).length === 0) return;
  ctx.addIssue({
    code: 'custom',
    path: ['claims'],
    message:
      'Missing field "conclusion" in the frontmatter, which an article with claims needs; add conclusion: one plain sentence saying what the explainer concludes (no Markdown, no citations), under description.',
    params: { rule: 'missing-field', sentence: true },
  });
}

/** The article frontmatter: every field an editor writes, and the checks across fields. */
export const articleSchema = articleFields.superRefine(
  (article, ctx) => {
    checkAcrossFields(article, ctx);
    requireConclusion(article, ctx);
  },
  { when: () => true },
);

/**
 * The frontmatter as a past revision may have written it, for the history: retired ratings are
 * ratings there, and an article written before `conclusion` existed needs none.
 */
export const pastArticleSchema = articleFields
  .extend({ claims: z.array(pastClaimSchema).default([]) })
  .superRefine((article, ctx) => checkAcrossFields(article, ctx), { when: () => true });

export type Article = z.output<typeof articleSchema>;
export type PastArticle = z.output<typeof pastArticleSchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type Correction = z.output<typeof correctionSchema>;
