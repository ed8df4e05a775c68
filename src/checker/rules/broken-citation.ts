import { bodyNodes } from './body-nodes.ts';
import type { Rule } from './rule.ts';

/**
 * Every `[@` begins a citation closed by `]` with no brackets or formatting inside: the citation
 * syntax reads anything else as a broken citation, which the page would show as plain text.
 *
 * Good: `as Reuters reported [@reuters-talks].`
 * Bad: `[@reuters-talks.` (never closed), `[@reuters-*talks*]` (split by emphasis).
 */
export const brokenCitation: Rule = {
  id: 'broken-citation',
  severity: 'error',
  description: 'Every "[@" begins a citation closed by "]", with no brackets or formatting inside.',
  check({ tree }, report) {
    if (!tree) return;
    for (const { node } of bodyNodes(tree, 'brokenCitation')) {
      report.node(
        node,
        `Citation "${node.value}" is not closed or is broken by formatting; write [@id] or [@id1; @id2], closed with "]" and with no brackets or formatting (*, _, \`) inside.`,
      );
    }
  },
};
