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

function sourceLink(link: SourceLink): PhrasingContent {
  return element('a', { href: link.href, id: link.anchor, className: ['attribution-source'] }, [
    text(link.publisher),
    element('span', { className: ['visually-hidden'] }, [text(link.detail)]),
  ]);
}

function attribution(items: readonly AttributionItem[]): PhrasingContent {
  const children: PhrasingContent[] = [];
  items.forEach((item, index) => {
    if (index > 0) children.push(text('; '));
    if (item.kind === 'source') {
      children.push(sourceLink(item.link));
      return;
    }
    const claimChildren: PhrasingContent[] = [
      element('a', { href: item.href, className: ['attribution-claim-status', `status-${item.status}`] }, [
        element('span', { className: ['visually-hidden'] }, [text('Claim ')]),
        text(item.status),
      ]),
    ];
    item.links.forEach((link) => claimChildren.push(text(' '), sourceLink(link)));
    children.push(element('span', { id: item.anchor, className: ['attribution-claim'] }, claimChildren));
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
 * Turns every `[@id]` and `[@id1; @id2]` in the text into an inline attribution: links to the
 * sources' entries in the source list, showing the publisher, with the title and date for
 * assistive technology. The sources and claims come from the options, or else from the
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
