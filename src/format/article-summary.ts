import { correctionSchema, type Article } from './article.ts';
import { CLAIM_STATUSES, hasClaimPage, ratingCounts } from './claim.ts';
import { dateSchema } from './date.ts';
import { evidenceProfile } from './evidence.ts';
import { publisherKey, type Publisher } from './publisher.ts';
import { z } from './zod.ts';

const count = z.number().int().nonnegative();

/**
 * What the site's listings show of an article, and all that Astro's data store keeps of it: the
 * full frontmatter and the rendered body are kept in a file of their own (`stored`), read only by
 * the article's own page and JSON file, so that the store stays small at any archive size.
 */
export const articleSummarySchema = z.object({
  title: z.string(),
  description: z.string(),
  /** The explainer's verdict in one sentence, when it rates claims. */
  conclusion: z.string().optional(),
  /** Its claims counted by rating, in the order of the scale. */
  ratings: z.array(z.object({ status: z.enum(CLAIM_STATUSES), count })),
  published: dateSchema,
  updated: dateSchema.optional(),
  topics: z.array(z.string()),
  corrections: z.array(correctionSchema),
  /** Counts for the evidence profile. */
  evidence: z.object({
    claims: count,
    sources: count,
    publishers: count,
    stateAffiliated: count,
    primary: count,
    parties: count,
  }),
  /** The authors' ids (content/authors.yaml), for the bylines of listings and the author pages. */
  authors: z.array(z.string()),
  /** Each publisher the article cites, once, as first written (trimmed). */
  publishers: z.array(z.string()),
  /**
   * Every claim's id and status, in the article's order (for the share image's verdict counts), with
   * the statement and claimant of each claim that has a page of its own (for the claims listings).
   */
  claims: z.array(
    z.object({
      id: z.string(),
      status: z.enum(CLAIM_STATUSES),
      page: z.optional(
        z.object({ statement: z.string(), claimant: z.string().optional(), date: dateSchema.optional() }),
      ),
    }),
  ),
  /**
   * The name of the file holding the full article and its rendered HTML, inside the folder of
   * stored articles in Astro's cache folder: never a path, so that the data store stays right
   * when the project or its cache folder moves.
   */
  stored: z.string(),
});

export type ArticleSummary = z.output<typeof articleSummarySchema>;

/** The summary of a checked article whose full record is kept in the stored file named `stored`; `registry` is content/publishers.yaml, for the evidence profile. */
export function summarizeArticle(
  article: Article,
  stored: string,
  registry: Readonly<Record<string, Pick<Publisher, 'stateAffiliated'>>> = {},
): ArticleSummary {
  const publishers = new Map<string, string>();
  for (const { publisher } of article.sources)
    if (!publishers.has(publisherKey(publisher))) publishers.set(publisherKey(publisher), publisher.trim());
  return {
    title: article.title,
    description: article.description,
    ...(article.conclusion === undefined ? {} : { conclusion: article.conclusion }),
    ratings: ratingCounts(article.claims),
    published: article.published,
    ...(article.updated === undefined ? {} : { updated: article.updated }),
    authors: article.authors,
    topics: [...new Set(article.topics)],
    corrections: article.corrections,
    evidence: evidenceProfile(article, registry),
    publishers: [...publishers.values()],
    claims: article.claims.map((claim) => ({
      id: claim.id,
      status: claim.status,
      ...(hasClaimPage(claim)
        ? {
            page: {
              statement: claim.statement,
              ...(claim.claimant === undefined ? {} : { claimant: claim.claimant }),
              ...(claim.date === undefined ? {} : { date: claim.date }),
            },
          }
        : {}),
    })),
    stored,
  };
}
