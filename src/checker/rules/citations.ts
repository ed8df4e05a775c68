import type { Nodes, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { Citation } from '../../format/citation-syntax/index.ts';

/** A citation as the messages quote it: on one line, even when the editor wrapped it. */
export const asWritten = (citation: Citation): string => citation.value.replace(/\s*\n\s*/g, ' ');

/** True when a node sits inside a link, where a citation shows as plain text. */
export const inLink = (ancestors: readonly Nodes[]): boolean => ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference');

/** The citations the page shows as attributions: well formed and outside links, in the order written. */
export function attributedCitations(tree: Root): Citation[] {
  const found: Citation[] = [];
  visitParents(tree, 'citation', (node, ancestors) => {
    if (node.malformed.length === 0 && !inLink(ancestors)) found.push(node);
  });
  return found;
}
