import { findCitations } from '../format/citations.ts';

/** Words a reader gets through in a minute of careful reading. */
export const WORDS_PER_MINUTE = 220;

/** The number of words in `text`, leaving out `[@id]` citations. */
export function countWords(text: string): number {
  let plain = '';
  let last = 0;
  for (const citation of findCitations(text)) {
    plain += `${text.slice(last, citation.start)} `;
    last = citation.end;
  }
  plain += text.slice(last);
  return plain.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read `words`, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
