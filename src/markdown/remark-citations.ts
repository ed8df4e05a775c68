import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { findCitations } from '../lib/citations.ts';
import {
  CitationNumbering,
  indexTargets,
  type AttributionItem,
  type CitableClaim,
  type CitableSource,
  type SourceLink,
} from './attribution.ts';

/** The article data the plugin needs: its sources and claims. */
export interface CitationData {
  sources?: readonly CitableSource[];
  claims?: readonly CitableClaim[];
}

/** What the plugin leaves on `file.data.astro.frontmatter.citations`: anchors per cited id, in order. */
export type CitationPlaces = Record<string, string[]>;

interface AstroData {
  astro?: { frontmatter?: CitationData & { citations?: CitationPlaces } };
}

const element = (
  hName: string,
  hProperties: Record<string, string | string[]>,
  children: PhrasingContent[],
): PhrasingContent => ({ type: 'emphasis', data: { hName, hProperties }, children });

const text = (value: string): Text => ({ type: 'text', value });

const hidden = (value: string): PhrasingContent[] =>
  value ? [element('span', { className: ['visually-hidden'] }, [text(value)])] : [];

/**
 * A button that opens the card `card` (a popover, so no script is needed), and a link to `href`
 * for browsers without popovers; the stylesheet shows one or the other.
 */
function cardOpener(card: string, href: string, className: string[], label: PhrasingContent[], detail: PhrasingContent[]): PhrasingContent[] {
  return [
    element('button', { type: 'button', popovertarget: card, className: ['cite-open', ...className] }, [...label, ...detail]),
    element('a', { href, className: ['cite-link', ...className] }, label),
  ];
}

function sourceLink(link: SourceLink): PhrasingContent {
  return element('span', { id: link.anchor, className: ['cite'] }, cardOpener(link.card, link.href, [], [text(link.label)], hidden(link.detail)));
}

function attribution(items: readonly AttributionItem[]): PhrasingContent {
  const children: PhrasingContent[] = [];
  items.forEach((item, index) => {
    if (index > 0) children.push(text('; '));
    if (item.kind === 'source') {
      children.push(sourceLink(item.link));
      return;
    }
    const status = [...hidden('Claim '), text(item.status)];
    const claimChildren = cardOpener(item.card, item.href, ['cite-status', `status-${item.status}`], status, []);
    item.links.forEach((link, index) => claimChildren.push(text(index === 0 ? ' ' : ', '), sourceLink(link)));
    children.push(element('span', { id: item.anchor, className: ['cite', 'cite-claim'] }, claimChildren));
  });
  return element('span', { className: ['attribution'] }, children);
}

/** Splits a text node around its citations: the text stays as it is, each citation becomes an attribution. */
export function splitText(node: Text, numbering: CitationNumbering): PhrasingContent[] | undefined {
  const matches = findCitations(node.value);
  if (matches.length === 0) return undefined;
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of matches) {
    if (match.malformed.length > 0) throw new Error(`Malformed citation ${node.value.slice(match.start, match.end)}`);
    const before = node.value.slice(last, match.start);
    if (before) parts.push(text(before));
    parts.push(attribution(numbering.resolve(match.ids)));
    last = match.end;
  }
  const after = node.value.slice(last);
  if (after) parts.push(text(after));
  return parts;
}

/**
 * Turns every `[@id]` and `[@id1; @id2]` in the text into an inline attribution showing the
 * publisher: a button that opens the source's card (`card-<id>`, rendered with the source list),
 * with the title and date for assistive technology, and a link to the source's entry in the source
 * list for browsers without popovers. A cited claim shows its status, which opens the claim's card. The sources and claims come from the options, or else from the
 * frontmatter Astro passes in; the anchors of every cited place are left on the frontmatter as
 * `citations`, for the source list's back-links.
 */
export default function remarkCitations(options: CitationData = {}) {
  return (tree: Root, file: VFile) => {
    const astro = (file.data as AstroData).astro;
    const data = options.sources ? options : (astro?.frontmatter ?? {});
    const numbering = new CitationNumbering(indexTargets(data.sources ?? [], data.claims ?? []));
    const visit = (parent: { children: unknown[] }) => {
      const children = parent.children as (PhrasingContent | { children?: unknown[]; type: string })[];
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        if (child.type === 'text') {
          const parts = splitText(child as Text, numbering);
          if (parts) {
            children.splice(index, 1, ...parts);
            index += parts.length - 1;
          }
        } else if ('children' in child && Array.isArray(child.children) && child.type !== 'link' && child.type !== 'linkReference') {
          visit(child as { children: unknown[] });
        }
      }
    };
    visit(tree);
    if (astro?.frontmatter) astro.frontmatter.citations = Object.fromEntries(numbering.places);
  };
}
