import { CLAIM_STATUSES, type ClaimStatus } from '../format/claim.ts';

/**
 * The ids the article page gives its own elements. The components take their ids from here, and
 * rehype-heading-slugs.ts keeps every heading of an article off them: a `## Main` must not take
 * `id="main"` (the skip link's target) nor a `## Sources heading` the source list's heading.
 */
export const PAGE_IDS = {
  /** The page's `<main>`, target of the skip link. */
  main: 'main',
  /** The source list's filters, which the evidence counts link to. */
  onlyPrimary: 'only-primary',
  onlyState: 'only-state',
  onlyParty: 'only-party',
  /** The verdict box under the headline. */
  verdict: 'verdict',
  /** The headings of the sections around the article's text. */
  claims: 'claims-heading',
  timeline: 'timeline-heading',
  corrections: 'corrections-heading',
  sources: 'sources-heading',
} as const;

/** Prefixes of the ids the page names after a source or claim (`source-<id>`, `claim-<id>`). */
const NAMED = ['source-', 'claim-'] as const;
/** Prefixes of the ids the page numbers (`card-<n>`, `cite-<k>`). */
const NUMBERED = ['card-', 'cite-'] as const;

/** The id of the group of claims with one rating in the claims list, which the verdict box's counts link to. */
export const ratedAnchor = (status: ClaimStatus) => `rated-${status}`;

const FIXED = new Set<string>([...Object.values(PAGE_IDS), ...CLAIM_STATUSES.map(ratedAnchor)]);
const NUMBERED_ID = new RegExp(`^(?:${NUMBERED.join('|')})\\d+$`);

/**
 * True for an id the article page uses or may use, which no heading may take: the fixed ones, the
 * numbered ones, and those named after the article's own sources and claims (a page without them,
 * such as the methodology, keeps `claim-statuses`).
 */
export function isTemplateId(
  id: string,
  { sources = [], claims = [] }: { sources?: readonly string[]; claims?: readonly string[] } = {},
): boolean {
  return (
    FIXED.has(id) ||
    NUMBERED_ID.test(id) ||
    sources.some((source) => id === sourceAnchor(source)) ||
    claims.some((claim) => id === claimAnchor(claim))
  );
}

/** The id of a source's entry in the source list: its permalink. */
export const sourceAnchor = (id: string) => `${NAMED[0]}${id}`;
/** The id of a claim's entry in the claims panel (its permalink), which is also the claim's card. */
export const claimAnchor = (id: string) => `${NAMED[1]}${id}`;
/**
 * The id of the card of the n-th source (from 1): a popover inside the source's entry. Cards are
 * numbered, like the list, so that the many controls that open them stay short.
 */
export const cardAnchor = (number: number) => `${NUMBERED[0]}${number}`;
/** The id of the k-th place (from 1) in the text that cites something. */
export const citeAnchor = (place: number) => `${NUMBERED[1]}${place}`;
