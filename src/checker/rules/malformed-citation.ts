import { bodyNodes } from './body-nodes.ts';
import { asWritten } from './citations.ts';
import type { Rule } from './rule.ts';

/**
 * A citation names one or more kebab-case ids, each after `@`, separated by `;`.
 *
 * Good: `[@reuters-talks]`, `[@bbc-talks; @reuters-talks]`.
 * Bad: `[@Bad_Id]`, `[@bbc-talks, @reuters-talks]`, `[@]`.
 */
export const malformedCitation: Rule = {
  id: 'malformed-citation',
  severity: 'error',
  description: 'A citation is [@id] or [@id1; @id2], with kebab-case ids.',
  check({ tree }, report) {
    if (!tree) return;
    for (const { node } of bodyNodes(tree, 'citation')) {
      if (node.malformed.length === 0) continue;
      report.node(
        node,
        `Citation ${asWritten(node)} is malformed at "${node.malformed[0]}"; write [@id] or [@id1; @id2] with kebab-case ids.`,
      );
    }
  },
};
