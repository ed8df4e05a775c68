import { dateSchema } from './date.ts';
import { idSchema, textSchema } from './id.ts';
import { z } from './zod.ts';

/** How well a claim holds up, from best to worst supported. */
export const CLAIM_STATUSES = ['confirmed', 'reported', 'disputed', 'misleading', 'unverified', 'false'] as const;

/** A checkable statement the article examines, with the sources that settle it. */
export const claimSchema = z.strictObject({
  /** Short name used to cite the claim in the text, as `[@id]`. */
  id: idSchema.describe('kebab-case name used to cite this claim as [@id]'),
  /** The claim as one checkable sentence. */
  statement: textSchema.describe('the claim as one checkable sentence'),
  /** The verdict: confirmed, reported, disputed, misleading, unverified or false. */
  status: z
    .enum(CLAIM_STATUSES, {
      error: 'must be one of confirmed, reported, disputed, misleading, unverified, false',
    })
    .describe('one of confirmed, reported, disputed, misleading, unverified, false'),
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
  wording: textSchema.optional().describe("the checked words verbatim, as they appeared in the claim's first appearance (appearances[0])"),
  /** One or two sentences on why the claim has its status. */
  note: textSchema.optional().describe('why the claim has its status'),
});

export type Claim = z.output<typeof claimSchema>;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
