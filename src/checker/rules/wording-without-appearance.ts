import type { Rule } from './rule.ts';

/**
 * A claim's `wording` quotes its first appearance, so the claim must name that appearance: the
 * page shows the words as a quotation of it and `npm run sources` looks for them there.
 *
 * Good: `wording: "new and massive sanctions"` with `appearances: [bbc-report]`.
 * Bad: `wording:` on a claim without `appearances`:
 * `Claim "sanctions-threat" has a wording but no appearances, so nothing says where the words appeared; add appearances: [source-id] naming the source the words are quoted from, first.`
 */
export const wordingWithoutAppearance: Rule = {
  id: 'wording-without-appearance',
  severity: 'error',
  description: 'A claim with a wording names the appearance it is quoted from.',
  crossField: ['A claim with `wording` has `appearances`; the wording is quoted from the first.'],
  check({ article }, report) {
    if (!article) return;
    article.claims.forEach((claim, index) => {
      if (claim.wording === undefined || (claim.appearances?.length ?? 0) > 0) return;
      report.field(
        ['claims', index, 'wording'],
        `Claim "${claim.id}" has a wording but no appearances, so nothing says where the words appeared; add appearances: [source-id] naming the source the words are quoted from, first.`,
      );
    });
  },
};
