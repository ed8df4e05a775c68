import type { Root } from 'mdast';
import type { Citation } from '../../format/citation-syntax/index.ts';
import { bodyNodes } from './body-nodes.ts';

/** A citation as the messages quote it: on one line, even when the editor wrapped it. */
export const asWritten = (citation: Citation): string => citation.value.replace(/\s*\n\s*/g, ' ');

/** The citations the page shows as attributions: well formed and outside links, in the order written. */
export function attributedCitations(tree: Root): Citation[] {
  return bodyNodes(tree, 'citation')
    .filter(({ node, inLink }) => node.malformed.length === 0 && !inLink)
    .map(({ node }) => node);
}
