import { dateSchema } from './date.ts';
import { idSchema, textSchema } from './id.ts';
import { z } from './zod.ts';

/**
 * The rating scale, in the order readers see it: the four verdicts from accurate to wrong, then the
 * four ratings that say why no such verdict is given. What each one means is written once, in
 * src/site/labels.ts; the methodology page explains each with an example.
 */
export const CLAIM_STATUSES = [
  'confirmed',
  'missing-context',
  'misleading',
  'false',
  'disputed',
  'unproven',
  'outdated',
  'not-checkable',
] as const;

/**
 * Ratings the site used before the scale above, with what to write instead. The check refuses
 * them; past revisions that used them still appear in an article's history under their old names.
 */
export const RETIRED_CLAIM_STATUSES = {
  reported: { instead: ['confirmed', 'unproven'], label: 'Reported' },
  unverified: { instead: ['unproven', 'not-checkable'], label: 'Unverified' },
} as const;

export type RetiredClaimStatus = keyof typeof RETIRED_CLAIM_STATUSES;

/** A retired rating's name, or undefined for any other value. */
export function retiredStatus(value: unknown): RetiredClaimStatus | undefined {
  return typeof value === 'string' && Object.hasOwn(RETIRED_CLAIM_STATUSES, value)
    ? (value as RetiredClaimStatus)
    : undefined;
}

const STATUS_LIST = CLAIM_STATUSES.join(', ');

/** A checkable statement the article examines, with the sources that settle it. */
export const claimSchema = z.strictObject({
  /** Short name used to cite the claim in the text, as `[@id]`. */
  id: idSchema.describe('kebab-case name used to cite this claim as [@id]'),
  /** The claim as one checkable sentence. */
  statement: textSchema.describe('the claim as one checkable sentence'),
  /** The rating, one of CLAIM_STATUSES. */
  status: z.enum(CLAIM_STATUSES, { error: `must be one of ${STATUS_LIST}` }).describe(`one of ${STATUS_LIST}`),
  /** Ids of the sources that settle the claim. */
  sources: z
    .array(idSchema, { error: 'must be a list of source ids' })
    .min(1, { error: 'must name at least one source id' })
    .describe('list of the ids of the sources that settle the claim'),
  /**
   * Who made the claim, when it is someone's claim rather than the newsroom's finding: an author or
   * publisher id from the registries (then typed as a person or an organisation), or a description.
   */
  claimant: textSchema.optional().describe('who made the claim: an author or publisher id, or a description'),
  /** When the claim was made (its first appearance, if known). */
  date: dateSchema.optional().describe('when the claim was made, YYYY-MM-DD'),
  /** Ids of the sources where the claim appeared, the first appearance first. */
  appearances: z
    .array(idSchema, { error: 'must be a list of source ids' })
    .min(1, { error: 'must name at least one source id' })
    .optional()
    .describe('list of the ids of the sources where the claim appeared, the first appearance first'),
  /**
   * The checked words verbatim, as they appeared in the claim's first appearance (`appearances[0]`):
   * plain text, shown as a quotation of that source; `npm run sources` looks for them on its page.
   */
  wording: textSchema
    .optional()
    .describe("the checked words verbatim, as they appeared in the claim's first appearance (appearances[0])"),
  /** One or two sentences on why the claim has its status. */
  note: textSchema.optional().describe('why the claim has its status'),
});

/**
 * A claim as a past revision may have written it: the retired ratings are still ratings there.
 * Only the history reads it; the check and the pages use `claimSchema`.
 */
export const pastClaimSchema = claimSchema.extend({
  status: z.enum([...CLAIM_STATUSES, ...(Object.keys(RETIRED_CLAIM_STATUSES) as RetiredClaimStatus[])]),
});

/** How many claims have each rating, in the order of the scale; ratings no claim has are left out. */
export function ratingCounts(claims: readonly { status: ClaimStatus }[]): { status: ClaimStatus; count: number }[] {
  return CLAIM_STATUSES.map((status) => ({
    status,
    count: claims.filter((claim) => claim.status === status).length,
  })).filter(({ count }) => count > 0);
}

export type Claim = z.output<typeof claimSchema>;

/**
 * True for someone's claim, one that names who made it or where it appeared, rather than the
 * newsroom's own finding: such a claim gets a page of its own and a ClaimReview.
 */
export const hasClaimPage = (claim: {
  claimant?: string | undefined;
  appearances?: readonly string[] | undefined;
}): boolean => claim.claimant !== undefined || claim.appearances !== undefined;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** A rating as any revision may have it, current or retired. */
export type AnyClaimStatus = ClaimStatus | RetiredClaimStatus;
export type PastClaim = z.output<typeof pastClaimSchema>;
