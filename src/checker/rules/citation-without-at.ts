import { bodyNodes } from './body-nodes.ts';
import { list } from '../../format/loose.ts';
import type { Rule } from './rule.ts';

const BRACKETED = /\[([a-z0-9][a-z0-9-]*)\]/g;

/**
 * `[known-id]`, where `known-id` is a source or claim of the article, is printed as it is, not as
 * a citation: the `@` is missing.
 *
 * Good: `The mayor said so. [@mayor-post]`
 * Bad: `The mayor said so. [mayor-post]`: `"[mayor-post]" is printed as text, not as a citation; did you mean [@mayor-post]?`
 */
export const citationWithoutAt: Rule = {
  id: 'citation-without-at',
  severity: 'warning',
  description: 'A source or claim id in brackets has its @: [@id], not [id].',
  check({ tree, fields, body, bodyLine }, report) {
    if (!tree || !fields) return;
    const known = new Set(
      [...list(fields.sources), ...list(fields.claims)]
        .map((item) => item.id)
        .filter((id): id is string => typeof id === 'string'),
    );
    if (![...known].some((id) => body.includes(`[${id}]`))) return;
    for (const { node, inLink } of bodyNodes(tree, 'text')) {
      if (inLink) continue;
      const start = node.position?.start;
      // Where the text stands as written; a text split over lines is placed at its start.
      const asWritten = start && node.position && body.slice(start.offset, node.position.end.offset) === node.value;
      for (const match of node.value.matchAll(BRACKETED)) {
        if (!known.has(match[1]!)) continue;
        const before = node.value.slice(0, match.index);
        const lines = before.split('\n');
        const line = (start?.line ?? 1) + (asWritten ? lines.length - 1 : 0);
        const column = asWritten
          ? lines.length === 1
            ? (start?.column ?? 1) + match.index
            : lines.at(-1)!.length + 1
          : (start?.column ?? 1);
        report.at(
          { line: line + bodyLine - 1, column },
          `"[${match[1]}]" is printed as text, not as a citation; did you mean [@${match[1]}]?`,
        );
      }
    }
  },
};
