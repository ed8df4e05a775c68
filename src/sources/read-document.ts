import { createHash } from 'node:crypto';
import { extractText } from './extract-text.ts';
import { collapseSpaces } from './normalize.ts';
import { betterResult, matchQuote, type QuoteResult } from './quote-match.ts';

/** What reading a fetched document gave: its text's digest and the quote's result, or why it has no text. */
export type ReadResult =
  { kind: 'read'; textSha256: string; quote: QuoteResult | 'none' } | { kind: 'unreadable'; detail: string };

/**
 * Reads a document's text and looks for the quote: first in the article's readable text, then,
 * unless found there as written, in the whole page's (a caption, an embed).
 */
export async function readDocument(
  bytes: Uint8Array,
  contentType: string | null,
  quote: string | undefined,
): Promise<ReadResult> {
  let text;
  try {
    text = await extractText(bytes, contentType);
  } catch (error) {
    return { kind: 'unreadable', detail: `its text could not be read: ${(error as Error).message}` };
  }
  if (!text)
    return { kind: 'unreadable', detail: `it is ${contentType ?? 'of no stated type'}, which has no text to read` };
  const textSha256 = createHash('sha256').update(collapseSpaces(text.readable)).digest('hex');
  if (quote === undefined) return { kind: 'read', textSha256, quote: 'none' };
  let result = matchQuote(quote, text.readable);
  if (result.match !== 'exact' && result.match !== 'normalized' && text.full !== text.readable)
    result = betterResult(result, matchQuote(quote, text.full));
  return { kind: 'read', textSha256, quote: result };
}
