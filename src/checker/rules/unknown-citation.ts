import { list } from '../../format/loose.ts';
import { didYouMean } from '../suggest.ts';
import { attributedCitations } from './citations.ts';
import type { Rule } from './rule.ts';

/**
 * Every id a citation names is the id of a source or a claim of the article. Judged only when the
 * frontmatter could be read: with broken YAML every id would look unknown.
 *
 * Good: `[@reuters-talks]` with a source `id: reuters-talks`.
 * Bad: `[@reuter-talks]`: `Citation [@reuter-talks] matches no source or claim; did you mean "reuters-talks"? ...`
 */
export const unknownCitation: Rule = {
  id: 'unknown-citation',
  severity: 'error',
  description: 'Every cited id names a source or a claim of the article.',
  crossField: ['Every `[@id]` in the body names a source or a claim of the article.'],
  check({ tree, fields }, report) {
    if (!tree || !fields) return;
    const known = [
      ...new Set(
        [...list(fields.sources), ...list(fields.claims)]
          .map((item) => item.id)
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    const knownIds = new Set(known);
    for (const citation of attributedCitations(tree)) {
      for (const id of citation.ids) {
        if (knownIds.has(id)) continue;
        const suggestion = didYouMean(id, known);
        report.node(
          citation,
          known.length === 0
            ? `Citation [@${id}] matches no source or claim; the article has no valid sources or claims yet.`
            : `Citation [@${id}] matches no source or claim${suggestion ? `${suggestion} ` : '. '}Known ids: ${known.join(', ')}.`,
        );
      }
    }
  },
};
