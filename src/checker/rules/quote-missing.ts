import type { Article } from '../../format/index.ts';
import type { SourceLock } from '../../sources/lock.ts';
import { lockDay, lockedSources, type LockFinding } from './lock-finding.ts';
import type { Rule } from './rule.ts';

/**
 * `quote-missing` (warning): the last time `npm run sources` read the page, the source's quote
 * was not on it, not even nearly; nor a claim's wording on the page of its first appearance
 * (recorded under the claim's id: see sourcesToCheck in src/sources/check-sources.ts).
 *
 * Bad: `quote: Russia agreed to a ceasefire.` on a page that says nothing of the kind.
 * Good: the quote copied word for word from the page (quote marks, dashes and case may differ).
 */
export function quoteMissing(article: Article, lock: SourceLock): LockFinding[] {
  const sources = new Map(article.sources.map((source) => [source.id, source]));
  const wordings = article.claims.flatMap((claim, index): LockFinding[] => {
    const appearance = claim.wording === undefined ? undefined : sources.get(claim.appearances?.[0] ?? '');
    const entry = lock.sources[claim.id];
    if (!appearance || !entry || entry.url !== appearance.url || entry.quote !== 'missing') return [];
    return [
      {
        rule: 'quote-missing',
        severity: 'warning',
        path: ['claims', index, 'wording'],
        message:
          `The wording of claim "${claim.id}" was not found on ${entry.finalUrl}, the page of its first appearance "${appearance.id}" (checked ${lockDay(entry.checked)}; ` +
          `the closest passage is ${Math.round((entry.quoteScore ?? 0) * 100)}% similar); copy it word for word from that page, then run npm run sources.`,
      },
    ];
  });
  return [...quoteFindings(article, lock), ...wordings];
}

function quoteFindings(article: Article, lock: SourceLock): LockFinding[] {
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
  description:
    "Each source's quote, and each claim's wording, was found on its page when npm run sources last read it.",
  check({ article, lock }, report) {
    if (!article || !lock) return;
    for (const finding of quoteMissing(article, lock)) report.field(finding.path, finding.message, finding.severity);
  },
};
