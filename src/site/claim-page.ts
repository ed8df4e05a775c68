import { hasClaimPage, type Article, type Claim, type Correction } from '../format/index.ts';
import { readStored, type StoredArticle } from '../astro/article-store.ts';
import { claimAnchor } from '../template/page-ids.ts';

/** The ids of the claims a correction's text cites as `[@claim-id]`, in order, once each. */
export function claimsCited(correction: Pick<Correction, 'text'>, article: Pick<Article, 'claims'>): string[] {
  const ids = new Set(article.claims.map((claim) => claim.id));
  const cited = [...correction.text.matchAll(/\[@([^\]\s;]+)\]/g)]
    .map((match) => match[1]!)
    .filter((id) => ids.has(id));
  return [...new Set(cited)];
}

/** The claims of an article that have a page of their own (someone's claim: `hasClaimPage`). */
export const claimsWithPages = (article: Pick<Article, 'claims'>): Claim[] => article.claims.filter(hasClaimPage);

/**
 * The anchor of a claim's place in its explainer: the first place in the text that cites it, or
 * else its entry in the claims panel.
 */
export function claimPlace(claim: Pick<Claim, 'id'>, places: Readonly<Record<string, readonly string[]>>): string {
  return places[claim.id]?.[0] ?? claimAnchor(claim.id);
}

/** The `wording` of a claim (the checked words verbatim), when the article gives it. */
export const claimWording = (claim: Claim): string | undefined => (claim.wording?.trim() ? claim.wording : undefined);

/** The explainer's verdict in one sentence (`conclusion`), when the article gives it. */
export const articleConclusion = (article: Article): string | undefined => {
  const conclusion = (article as Article & { conclusion?: unknown }).conclusion;
  return typeof conclusion === 'string' && conclusion.trim() !== '' ? conclusion : undefined;
};

let lastRead: { file: string; stored: StoredArticle } | undefined;
/**
 * The full article a claim page shows (readStored), read once for all its claims: the claim pages
 * of an article are made one after another.
 */
export function readClaimArticle(file: string): StoredArticle {
  if (lastRead?.file !== file) lastRead = { file, stored: readStored(file) };
  return lastRead.stored;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const escapeHtml = (text: string) => text.replace(/[&"<>]/g, (character) => ATTRIBUTE_ESCAPES[character]!);

/** How large the embedded claim card's frame is, in CSS pixels: room for a four-line statement at 320 px. */
export const CARD_FRAME = { width: 400, height: 360 } as const;

/**
 * The HTML another site pastes to show a claim's card: an `<iframe>` of the card, sized for it,
 * whose content (shown where frames are not) is a link to the claim's page. Every text is escaped,
 * so a statement cannot add markup to the snippet.
 */
export function embedSnippet({
  card,
  page,
  verdict,
  statement,
}: {
  card: string;
  page: string;
  verdict: string;
  statement: string;
}): string {
  return (
    `<iframe src="${escapeHtml(card)}" title="${escapeHtml(`Claim check: ${verdict}`)}" width="${CARD_FRAME.width}" height="${CARD_FRAME.height}" style="border:0;max-width:100%" loading="lazy">` +
    `<a href="${escapeHtml(page)}">${escapeHtml(`${verdict}: ${statement} (Sourced)`)}</a></iframe>`
  );
}
