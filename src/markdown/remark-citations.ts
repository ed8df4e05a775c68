import type { PhrasingContent, Root, Text } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { citation, citationFromMarkdown, type BrokenCitation, type Citation } from '../format/citation-syntax/index.ts';
import {
  CitationNumbering,
  indexTargets,
  type AttributionItem,
  type CitableClaim,
  type CitableSource,
  type SourceLink,
} from './attribution.ts';
import { verdictLabel } from '../format/ratings.ts';
import type { ClaimStatus } from '../format/claim.ts';

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

/**
 * A button that opens the card `card` (a popover, so no script is needed), then a link to the
 * card for browsers without popovers; the stylesheet shows one or the other. The button carries
 * `anchor`, the id of this place in the text.
 */
function cardOpener(
  card: string,
  anchor: string,
  label: () => PhrasingContent[],
  more: Record<string, string | string[]>,
): PhrasingContent[] {
  return [
    element('button', { id: anchor, popovertarget: card, ...more }, label()),
    element(
      'a',
      {
        href: `#${card}`,
        ...(more['className'] ? { className: more['className'] } : {}),
        ...(more['ariaLabel'] ? { ariaLabel: more['ariaLabel'] } : {}),
      },
      label(),
    ),
  ];
}

// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** A name as it sits in an English sentence: isolated in <bdi> when it is written right to left, so punctuation stays in place. */
const name = (value: string): PhrasingContent =>
  RIGHT_TO_LEFT.test(value) ? element('bdi', {}, [text(value)]) : text(value);

/** The marker of a source cited again right after itself, alone, in the same paragraph. */
export const REPEAT_MARKER = 'ibid.';
/** The marker of a source cited again further on in the same paragraph. */
export const EARLIER_MARKER = 'above';

/**
 * The sources a paragraph has cited so far: an attribution names a source in full the first time
 * in a paragraph; cited again in the same paragraph, the source shows a compact marker,
 * `REPEAT_MARKER` when the attribution just before cited that source alone and this one cites it
 * alone, `EARLIER_MARKER` otherwise. The marker opens the same card, and its accessible name starts
 * with what it shows (WCAG 2.5.3) and names the publisher.
 */
interface ParagraphCitations {
  /** The cards of the sources of the paragraph's last attribution. */
  last: Set<string>;
  /** The cards of every source the paragraph has cited. */
  seen: Set<string>;
}

const newParagraph = (): ParagraphCitations => ({ last: new Set(), seen: new Set() });

/** A source's publisher, or the compact `marker` of a source cited again, opening its card. */
function sourceLink(link: SourceLink, marker?: string): PhrasingContent[] {
  if (marker) {
    return cardOpener(link.card, link.anchor, () => [text(marker)], {
      ariaLabel: `${marker}, ${link.label}`,
      className: ['again'],
    });
  }
  return cardOpener(link.card, link.anchor, () => [name(link.label)], {});
}

/**
 * A claim's rating as a verdict ("Rated False"), opening the claim's card, which names the
 * claimant and lists the sources that settle it: the text does not repeat them, so that no
 * publisher stands next to a rating as if it were the thing rated.
 */
function claimLink(item: Extract<AttributionItem, { kind: 'claim' }>): PhrasingContent[] {
  const status = () => [text(verdictLabel(item.status as ClaimStatus))];
  return cardOpener(item.card, item.anchor, status, { className: ['status', `status-${item.status}`] });
}

function attribution(items: readonly AttributionItem[], paragraph: ParagraphCitations | undefined): PhrasingContent {
  const children: PhrasingContent[] = [];
  const cited = new Set<string>();
  const alone = (set: ReadonlySet<string>, card: string) => set.size === 1 && set.has(card);
  items.forEach((item, index) => {
    if (index > 0) children.push(text('; '));
    if (item.kind === 'source') {
      const { card } = item.link;
      const marker = !paragraph?.seen.has(card)
        ? undefined
        : items.length === 1 && alone(paragraph.last, card)
          ? REPEAT_MARKER
          : EARLIER_MARKER;
      children.push(...sourceLink(item.link, marker));
      cited.add(card);
    } else {
      children.push(...claimLink(item));
    }
  });
  if (paragraph) {
    paragraph.last = cited;
    for (const card of cited) paragraph.seen.add(card);
  }
  return element('span', { className: ['attribution'] }, children);
}

type Parent = { type: string; children: unknown[] };

/**
 * Replaces each citation among `parent`'s descendants with its attribution, in the order written.
 * Inside a link (which the checker refuses) a citation, and anywhere a broken one, shows as written.
 */
function attribute(
  parent: Parent,
  numbering: CitationNumbering,
  inLink: boolean,
  paragraph?: ParagraphCitations,
): void {
  const children = parent.children as (PhrasingContent | Parent)[];
  children.forEach((child, index) => {
    if (child.type === 'citation') {
      const { value, ids, malformed } = child as Citation;
      if (inLink) children[index] = text(value);
      else if (malformed.length > 0) throw new Error(`Malformed citation ${value}`);
      else children[index] = attribution(numbering.resolve(ids), paragraph);
    } else if (child.type === 'brokenCitation') {
      children[index] = text((child as BrokenCitation).value);
    } else if ('children' in child && Array.isArray(child.children)) {
      // Each paragraph (or table cell, or heading) starts naming its sources afresh.
      const own =
        child.type === 'paragraph' || child.type === 'tableCell' || child.type === 'heading'
          ? newParagraph()
          : paragraph;
      attribute(child as Parent, numbering, inLink || child.type === 'link' || child.type === 'linkReference', own);
    }
  });
}

/**
 * Reads the citation syntax (src/format/citation-syntax/) and turns every `[@id]` and
 * `[@id1; @id2]` into an inline attribution showing the publisher (or, for a source the paragraph
 * has cited already, a compact marker): a button that opens the source's card (`card-<n>`, in its
 * entry of the source list), and a link to the card for browsers without popovers. A cited claim shows its status, which opens the claim's card (its entry in the
 * claims panel, `claim-<id>`), then its sources. Each place gets an anchor, `cite-<k>`, on its
 * button. The sources and claims come from the options, or else from the frontmatter Astro passes
 * in; the anchors of every cited place are left on the frontmatter as `citations`, for the
 * back-links.
 */
export default function remarkCitations(this: Processor, options: CitationData = {}) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(citation());
  (data.fromMarkdownExtensions ??= []).push(citationFromMarkdown());
  return (tree: Root, file: VFile) => {
    const astro = (file.data as AstroData).astro;
    const source = options.sources ? options : (astro?.frontmatter ?? {});
    const numbering = new CitationNumbering(indexTargets(source.sources ?? [], source.claims ?? []));
    attribute(tree, numbering, false);
    if (astro?.frontmatter) astro.frontmatter.citations = Object.fromEntries(numbering.places);
  };
}
