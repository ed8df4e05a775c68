import { KEBAB_CASE } from '../schemas/id.ts';

/** A `[@id]` or `[@id1; @id2]` found in a run of text. */
export interface CitationMatch {
  /** Offset of `[` in the text. */
  start: number;
  /** Offset just after `]`. */
  end: number;
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
