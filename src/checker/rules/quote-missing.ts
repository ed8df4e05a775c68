import type { Article } from '../../format/index.ts';
import type { SourceLock } from '../../sources/lock.ts';
import { lockDay, lockedSources, type LockFinding } from './lock-finding.ts';
import type { Rule } from './rule.ts';

/**
 * `quote-missing` (warning): the last time `npm run sources` read the page, the source's quote
 * was not on it, not even nearly.
 *
 * Bad: `quote: Russia agreed to a ceasefire.` on a page that says nothing of the kind.
 * Good: the quote copied word for word from the page (quote marks, dashes and case may differ).
 */
export function quoteMissing(article: Article, lock: SourceLock): LockFinding[] {
  return lockedSources(article, lock)
    .filter(({ source, entry }) => source.quote !== undefined && entry.quote === 'missing')
    .map(({ source, index, entry }) => ({
      rule: 'quote-missing',
      severity: 'warning',
      path: ['sources', index, 'quote'],
      message:
        `The quote of source "${source.id}" was not found on ${entry.finalUrl} (checked ${lockDay(entry.checked)}; ` +
        `the closest passage is ${Math.round((entry.quoteScore ?? 0) * 100)}% similar); copy it word for word from the page, then run npm run sources.`,
    }));
}

export const quoteMissingRule: Rule = {
  id: 'quote-missing',
  severity: 'warning',
  description: "Each source's quote was found on its page when npm run sources last read it.",
  check({ article, lock }, report) {
    if (!article || !lock) return;
    for (const finding of quoteMissing(article, lock)) report.field(finding.path, finding.message, finding.severity);
  },
};
