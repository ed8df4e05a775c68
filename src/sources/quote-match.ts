import { collapseSpaces, normalizeText } from './normalize.ts';

/** How the quote was found: word for word, after normalising, nearly, or not at all. */
export const QUOTE_MATCHES = ['exact', 'normalized', 'fuzzy', 'missing'] as const;
export type QuoteMatch = (typeof QUOTE_MATCHES)[number];

/** The result of looking for a quote in a page's text; `score` is 1 for exact and normalized. */
export interface QuoteResult {
  match: QuoteMatch;
  /** Similarity of the best passage, from 0 to 1, two decimals. */
  score: number;
}

/** The lowest similarity that counts as a `fuzzy` match (a dropped comma or a changed letter). */
export const FUZZY_THRESHOLD = 0.9;

/** The parts of a quote that leaves words out with `[...]`, `[…]`, `...` or `…`, in order. */
export function quoteParts(quote: string): string[] {
  return quote
    .split(/\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|…|\.{3}/)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/** Where each part is found in order by `indexOf`, or false. */
function inOrder(text: string, parts: readonly string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/**
 * The smallest edit distance between `pattern` and any passage of `text` from `from` on, and
 * where that passage ends (Sellers' algorithm: O(text × pattern) time, O(pattern) memory).
 */
export function closestPassage(pattern: string, text: string, from = 0): { distance: number; end: number } {
  const m = pattern.length;
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = m;
  let end = from;
  for (let j = from; j < text.length; j++) {
    const char = text.charCodeAt(j);
    let diagonal = 0; // the passage may start anywhere: the top row is always 0
    column[0] = 0;
    for (let i = 1; i <= m; i++) {
      const above = column[i]!;
      const cost = pattern.charCodeAt(i - 1) === char ? 0 : 1;
      const value = Math.min(diagonal + cost, above + 1, column[i - 1]! + 1);
      diagonal = above;
      column[i] = value;
    }
    if (column[m]! < best) {
      best = column[m]!;
      end = j + 1;
      if (best === 0) break;
    }
  }
  return { distance: best, end };
}

const round = (score: number) => Math.floor(score * 100) / 100;

/**
 * Looks for a quote in a page's text: `exact` (word for word, white space aside), `normalized`
 * (see normalizeText), `fuzzy` (every part at least 90% similar to a passage of the page), or
 * `missing`. A quote with `[...]` or `…` matches when its parts are found in order.
 */
export function matchQuote(quote: string, text: string): QuoteResult {
  const rawParts = quoteParts(collapseSpaces(quote));
  if (rawParts.length === 0) return { match: 'missing', score: 0 };
  if (inOrder(collapseSpaces(text), rawParts)) return { match: 'exact', score: 1 };
  const parts = rawParts.map(normalizeText);
  const page = normalizeText(text);
  if (inOrder(page, parts)) return { match: 'normalized', score: 1 };
  let from = 0;
  let score = 1;
  for (const part of parts) {
    const { distance, end } = closestPassage(part, page, from);
    score = Math.min(score, 1 - distance / part.length);
    from = end;
  }
  return { match: score >= FUZZY_THRESHOLD ? 'fuzzy' : 'missing', score: round(Math.max(score, 0)) };
}

const RANK: Record<QuoteMatch, number> = { exact: 3, normalized: 2, fuzzy: 1, missing: 0 };

/** The better of two results. */
export function betterResult(a: QuoteResult, b: QuoteResult): QuoteResult {
  return RANK[a.match] - RANK[b.match] > 0 || (a.match === b.match && a.score >= b.score) ? a : b;
}
