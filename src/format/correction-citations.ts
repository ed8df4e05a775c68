/**
 * A correction's text may name the claims it is about as `[@claim-id]` (or `[@a; @b]`); the page
 * renders each as a link to the claim, and the `silent-claim-change` rule looks for them. Only a
 * well-formed group counts: `[@` then ids separated by `;`, each with its `@`, then `]`.
 */
const GROUP = /\[(@[a-z0-9]+(?:-[a-z0-9]+)*(?:\s*;\s*@[a-z0-9]+(?:-[a-z0-9]+)*)*)\]/g;

/** A correction's text in order: plain runs, and the claim ids each citation names. */
export type CorrectionPart = { kind: 'text'; text: string } | { kind: 'claims'; ids: string[] };

/** Splits a correction's text into plain runs and its `[@claim-id]` citations. */
export function correctionParts(text: string): CorrectionPart[] {
  const parts: CorrectionPart[] = [];
  let from = 0;
  for (const match of text.matchAll(GROUP)) {
    if (match.index > from) parts.push({ kind: 'text', text: text.slice(from, match.index) });
    parts.push({ kind: 'claims', ids: match[1]!.split(';').map((id) => id.trim().slice(1)) });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}

/** The ids a correction's text cites, in order. */
export const correctionCitations = (text: string): string[] =>
  correctionParts(text).flatMap((part) => (part.kind === 'claims' ? part.ids : []));
