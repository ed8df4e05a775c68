import { KEBAB_CASE } from './id.ts';

/** Where something stands in a run of text. */
export interface TextSpan {
  /** Offset of its first character. */
  start: number;
  /** Offset just after its last character. */
  end: number;
}

/** A `[@id]` or `[@id1; @id2]` found in a run of text: `start` is the offset of `[`, `end` just after `]`. */
export interface CitationMatch extends TextSpan {
  /** The cited ids, in the order written. */
  ids: string[];
  /** Parts between `[@` and `]` that are not `@kebab-case-id`; empty when the citation is well formed. */
  malformed: string[];
}

// A citation may be wrapped over lines, as editors hard-wrap paragraphs; it cannot span brackets.
const CANDIDATE = /\[@([^[\]]*)\]/g;

/**
 * Finds every citation in `text`. Anything written `[@...]` counts as one; its parts are split on
 * `;` and each must be `@` followed by a kebab-case id, else it is listed in `malformed`.
 */
export function findCitations(text: string): CitationMatch[] {
  const matches: CitationMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const ids: string[] = [];
    const malformed: string[] = [];
    for (const part of `@${match[1] ?? ''}`.split(';')) {
      const trimmed = part.trim();
      const id = trimmed.slice(1);
      if (trimmed.startsWith('@') && KEBAB_CASE.test(id)) ids.push(id);
      else malformed.push(trimmed);
    }
    matches.push({ start: match.index, end: match.index + match[0].length, ids, malformed });
  }
  return matches;
}

// `[@` and the id-like text after it: how a citation that is never closed is named.
const OPENING = /\[@[\p{L}\p{N}_-]*/gu;

/**
 * Each `[@` in `text` that does not begin one of its citations (`matches`, from `findCitations`): a
 * citation never closed, or split by formatting (`[@bbc-*talks*]` leaves `[@bbc-` in one run of
 * text), or holding a bracket. The site would show such text as written, with no attribution.
 */
export function findBrokenCitations(text: string, matches: readonly CitationMatch[]): TextSpan[] {
  if (!text.includes('[@')) return [];
  const starts = new Set(matches.map((match) => match.start));
  const broken: TextSpan[] = [];
  for (const found of text.matchAll(OPENING)) {
    if (!starts.has(found.index)) broken.push({ start: found.index, end: found.index + found[0].length });
  }
  return broken;
}
