import type { TextSpan } from '../../format/citations.ts';

/** A `[known-id]` written without its `@`. */
export interface BracketedId extends TextSpan {
  id: string;
}

const BRACKETED = /\[([a-z0-9][a-z0-9-]*)\]/g;

/**
 * `citation-without-at` (warning): `[known-id]`, where `known-id` is a source or claim of the
 * article, is printed as it is, not as a citation: the `@` is missing.
 *
 * Bad: `The mayor said so. [mayor-post]`
 * Good: `The mayor said so. [@mayor-post]`
 */
export function findBracketedIds(text: string, known: ReadonlySet<string>): BracketedId[] {
  const found: BracketedId[] = [];
  for (const match of text.matchAll(BRACKETED)) {
    if (known.has(match[1]!)) found.push({ start: match.index, end: match.index + match[0].length, id: match[1]! });
  }
  return found;
}

/** The warning for one `[known-id]`. */
export const bracketedIdMessage = (id: string): string => `"[${id}]" is printed as text, not as a citation; did you mean [@${id}]?`;

/** Whether a body may hold a `[known-id]` (a quick test, before the body is parsed). */
export const mayHoldBracketedId = (body: string, ids: readonly string[]): boolean => ids.some((id) => body.includes(`[${id}]`));
