import { attributedCitations } from './citations.ts';
import type { Rule } from './rule.ts';

/**
 * Every claim is cited in the text, after the sentence it supports.
 *
 * Good: a claim `talks-held` and `The delegations met in Istanbul [@talks-held].`
 * Bad: a claim the text never cites: `Claim "talks-held" is never cited in the text; add [@talks-held] after the sentence it supports.`
 */
export const uncitedClaim: Rule = {
  id: 'uncited-claim',
  severity: 'warning',
  description: 'Every claim is cited in the text.',
  check({ article, tree }, report) {
    if (!article || !tree) return;
    const cited = new Set(attributedCitations(tree).flatMap((citation) => citation.ids));
    article.claims.forEach((claim, index) => {
      if (!cited.has(claim.id)) {
        report.field(
          ['claims', index, 'id'],
          `Claim "${claim.id}" is never cited in the text; add [@${claim.id}] after the sentence it supports.`,
        );
      }
    });
  },
};
