import { attributedCitations } from './citations.ts';
import type { Rule } from './rule.ts';

/**
 * Every source is referred to: by a citation in the text, a claim or a timeline entry.
 *
 * Good: a source `reuters-talks` cited as `[@reuters-talks]`.
 * Bad: a source nothing names: `Source "reuters-talks" is never cited; cite it in the text as [@reuters-talks], or remove it.`
 */
export const unusedSource: Rule = {
  id: 'unused-source',
  severity: 'warning',
  description: 'Every source is cited in the text or named by a claim or a timeline entry.',
  check({ article, tree }, report) {
    if (!article || !tree) return;
    const used = new Set([
      ...attributedCitations(tree).flatMap((citation) => citation.ids),
      ...article.claims.flatMap((claim) => claim.sources),
      ...article.timeline.flatMap((entry) => entry.sources),
    ]);
    article.sources.forEach((source, index) => {
      if (!used.has(source.id)) {
        report.field(
          ['sources', index, 'id'],
          `Source "${source.id}" is never cited; cite it in the text as [@${source.id}], or remove it.`,
        );
      }
    });
  },
};
