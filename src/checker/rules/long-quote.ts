import { list } from '../../format/loose.ts';
import type { Rule } from './rule.ts';

/**
 * The most words a source's `quote` should have. A quote is the passage that supports the
 * article, not the source reprinted: readers follow the link for the rest, and quoting at length
 * from someone else's work raises copyright questions that a short excerpt does not.
 */
export const QUOTE_WORD_LIMIT = 100;

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * A source's quote is at most QUOTE_WORD_LIMIT words: the words that matter, with `[...]` for what
 * is left out.
 *
 * Good: `quote: A full and unconditional ceasefire must begin on Monday. [...] Sanctions will be imposed.`
 * Bad: an 800-word quote: `The quote of source 1 (`bbc-talks`) is 800 words long; quote only the words that support the article (at most 100), and write [...] where you leave words out.`
 */
export const longQuote: Rule = {
  id: 'long-quote',
  severity: 'warning',
  description: `A source's quote is at most ${QUOTE_WORD_LIMIT} words.`,
  check({ fields }, report) {
    if (!fields) return;
    list(fields.sources).forEach((source, index) => {
      if (typeof source.quote !== 'string') return;
      const words = wordsOf(source.quote);
      if (words <= QUOTE_WORD_LIMIT) return;
      const name = typeof source.id === 'string' ? ` (\`${source.id}\`)` : '';
      report.field(
        ['sources', index, 'quote'],
        `The quote of source ${index + 1}${name} is ${words} words long; quote only the words that support the article (at most ${QUOTE_WORD_LIMIT}), and write [...] where you leave words out.`,
      );
    });
  },
};
