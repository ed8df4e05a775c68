import { bodyNodes } from './body-nodes.ts';
import { list } from '../../format/loose.ts';
import type { Rule } from './rule.ts';

// `@id` not inside a word or an address (`press@bbc.co.uk`), in round brackets or bare.
const AT_ID = /(\()?(?<![\p{L}\p{N}_.@[\/-])@([a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9])(\))?/gu;

/**
 * `(@id)` or a bare `@id`, where `id` is a source or claim of the article, is printed as typed, not
 * as a citation: a citation takes square brackets.
 *
 * Good: `The mayor said so. [@mayor-post]`
 * Bad: `The mayor said so. (@mayor-post)`: `"(@mayor-post)" is printed as typed, not as a citation; write [@mayor-post].`
 */
export const citationWithoutBrackets: Rule = {
  id: 'citation-without-brackets',
  severity: 'warning',
  description: 'A source or claim id after @ is in square brackets: [@id], not (@id) or @id.',
  check({ tree, fields, body, bodyLine }, report) {
    if (!tree || !fields || !body.includes('@')) return;
    const known = new Set(
      [...list(fields.sources), ...list(fields.claims)]
        .map((item) => item.id)
        .filter((id): id is string => typeof id === 'string'),
    );
    for (const { node, inLink } of bodyNodes(tree, 'text')) {
      if (inLink || !node.value.includes('@')) continue;
      const start = node.position?.start;
      const asWritten = start && node.position && body.slice(start.offset, node.position.end.offset) === node.value;
      for (const match of node.value.matchAll(AT_ID)) {
        const id = match[2]!;
        if (!known.has(id)) continue;
        const inRound = match[1] === '(' && match[3] === ')';
        const typed = inRound ? `(@${id})` : `@${id}`;
        const offset = match.index + (match[1] && !inRound ? 1 : 0);
        const lines = node.value.slice(0, offset).split('\n');
        const line = (start?.line ?? 1) + (asWritten ? lines.length - 1 : 0);
        const column = asWritten
          ? lines.length === 1
            ? (start?.column ?? 1) + offset
            : lines.at(-1)!.length + 1
          : (start?.column ?? 1);
        report.at(
          { line: line + bodyLine - 1, column },
          `"${typed}" is printed as typed, not as a citation; write [@${id}].`,
        );
      }
    }
  },
};
