import type { Link, LinkReference } from 'mdast';
import { bodyNodes } from './body-nodes.ts';
import { asWritten } from './citations.ts';
import type { Rule } from './rule.ts';

/** `[@id]` when CommonMark read it as a link (`[@id](url)`, or `[@id]` with a definition `[@id]: url`). */
function citationWrittenAsLink(node: Link | LinkReference): string | undefined {
  const [first] = node.children;
  if (node.children.length !== 1 || first?.type !== 'text' || !/^@[^[\]\n]*$/.test(first.value)) return undefined;
  return `[${first.value}]`;
}

/**
 * A citation stands in the text, outside links and images, where the page can show it as an
 * attribution: not inside a link's text, not written as a link itself, not in an image's
 * description, not glued to a bare web address (GitHub's autolinks run on to the next space).
 *
 * Good: `[the statement](https://www.president.gov.ua/en/news) [@kyiv-statement]`.
 * Bad: `[the statement [@kyiv-statement]](https://...)`, `[@kyiv-statement](https://...)`,
 * `![Delegates [@reuters-talks]](https://...)`, `https://www.reuters.com/world/talks[@reuters-talks]`.
 */
export const citationInLink: Rule = {
  id: 'citation-in-link',
  severity: 'error',
  description:
    'Citations stand in the text: not in or as a link, not in an image description, not glued to a web address.',
  check({ tree, bodyLine }, report) {
    if (!tree) return;
    const definitionLines = new Map<string, number>();
    for (const { node } of bodyNodes(tree, 'definition'))
      definitionLines.set(node.identifier, (node.position?.start.line ?? 1) + bodyLine - 1);
    for (const { node, inLink } of bodyNodes(tree, 'link', 'linkReference', 'image', 'definition', 'citation')) {
      if (node.type === 'link' || node.type === 'linkReference') {
        const written = citationWrittenAsLink(node);
        if (written) {
          const fix =
            node.type === 'link'
              ? 'remove the "(...)" after it'
              : `remove the link definition "${written}: ..." on line ${definitionLines.get(node.identifier) ?? '?'}`;
          report.node(
            node,
            `Citation ${written} is written as a link, so it would show as plain text with no attribution; ${fix}.`,
          );
        }
      }
      if (node.type === 'image' && node.data?.citations?.length) {
        report.node(
          node,
          'A citation inside an image description is not shown as an attribution; put it in the text after the image.',
        );
      }
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        const swallowed = /\[@[^\s[\]]*/.exec(node.url)?.[0];
        if (swallowed) {
          report.node(
            node,
            `The link target ${JSON.stringify(node.url)} swallows the citation ${swallowed}]; put a space between the web address and the citation.`,
          );
        }
      }
      if (node.type === 'citation' && node.malformed.length === 0 && inLink) {
        report.node(
          node,
          `Citation ${asWritten(node)} is inside a link; move it after the link's closing parenthesis.`,
        );
      }
    }
  },
};
