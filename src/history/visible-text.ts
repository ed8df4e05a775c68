import type { Nodes } from 'mdast';
import { parseBody } from '../markdown/parse-body.ts';
import type { PastArticle } from '../format/index.ts';
import type { Citation } from '../format/citation-syntax/index.ts';
import { shortPublisher } from '../markdown/attribution.ts';
import { showPublisher, type DescribablePublisher } from '../template/publisher-description.ts';

/** Whitespace runs count as one space: rewrapping a paragraph changes nothing a reader sees. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** How a citation reads in the visible text. */
export type CitationText = (citation: Citation) => string;

/**
 * A citation as the page shows it: each cited source by its publisher's short name, each cited
 * claim by its sources' publishers (src/markdown/remark-citations.ts), with the publishers' names
 * from the registry when it is given. The status a cited claim shows beside them is left out: a
 * change of status is listed once, as the claim's, not again at every place that cites it.
 */
export function attributionText(
  article: Pick<PastArticle, 'sources' | 'claims'>,
  publishers: Readonly<Record<string, DescribablePublisher>> = {},
): CitationText {
  const sources = new Map(article.sources.map((source) => [source.id, source]));
  const claims = new Map(article.claims.map((claim) => [claim.id, claim]));
  const label = (id: string) => {
    const source = sources.get(id);
    return source ? shortPublisher(showPublisher(source, publishers).name) : undefined;
  };
  return (citation) =>
    `(${citation.ids
      .map((id) => {
        const claim = claims.get(id);
        if (!claim) return label(id) ?? id;
        return claim.sources.flatMap((source) => label(source) ?? []).join(', ');
      })
      .join('; ')})`;
}

/**
 * The text of a Markdown body as readers read it, one entry per block (paragraph, heading, list
 * item's paragraph, table row, code block), whitespace squashed: HTML (comments included) is left
 * out, links and emphasis give their text, images their description, citations what `citation`
 * makes of them. The page shows nothing else of the body, so nothing else reaches the history.
 */
export function visibleBlocks(body: string, citation: CitationText): string[] {
  const blocks: string[] = [];
  const inline = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return ' ';
      case 'html':
        return '';
      case 'image':
      case 'imageReference':
        return node.alt ?? '';
      case 'footnoteReference':
        return '';
      default:
        if ((node as { type: string }).type === 'citation') return citation(node as unknown as Citation);
        if ((node as { type: string }).type === 'brokenCitation') return (node as unknown as { value: string }).value;
        return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : '';
    }
  };
  const push = (text: string) => {
    const squashed = squash(text);
    if (squashed !== '') blocks.push(squashed);
  };
  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        push(inline(node));
        return;
      case 'code':
        push(node.value);
        return;
      case 'tableRow':
        push(node.children.map(inline).join(' | '));
        return;
      case 'html':
      case 'definition':
      case 'thematicBreak':
      case 'yaml':
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) block(child);
    }
  };
  block(parseBody(body));
  return blocks;
}
