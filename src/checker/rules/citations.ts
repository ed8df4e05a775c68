import type { Nodes, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { Citation } from '../../format/citation-syntax/index.ts';

/** A citation as the messages quote it: on one line, even when the editor wrapped it. */
export const asWritten = (citation: Citation): string => citation.value.replace(/\s*\n\s*/g, ' ');

/** True when a node sits inside a link, where a citation shows as plain text. */
export const inLink = (ancestors: readonly Nodes[]): boolean => ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference');

// Several rules ask for the same tree's citations: they are found once per tree.
const found = new WeakMap<Root, Citation[]>();

/** The citations the page shows as attributions: well formed and outside links, in the order written. */
export function attributedCitations(tree: Root): Citation[] {
  let citations = found.get(tree);
  if (!citations) {
    const list: Citation[] = [];
    visitParents(tree, 'citation', (node, ancestors) => {
      if (node.malformed.length === 0 && !inLink(ancestors)) list.push(node);
    });
    found.set(tree, (citations = list));
  }
  return citations;
}
