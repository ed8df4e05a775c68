import { formatDate } from '../lib/format-date.ts';

/** The parts of a source an attribution shows. */
export interface CitableSource {
  id: string;
  publisher: string;
  title: string;
  published?: string | undefined;
}

/** The parts of a claim an attribution shows. */
export interface CitableClaim {
  id: string;
  status: string;
  sources: string[];
}

/** What a citation can point at, by id. */
export type CitationTarget =
  | { kind: 'source'; source: CitableSource }
  | { kind: 'claim'; claim: CitableClaim; sources: CitableSource[] };

/** One attribution to a source: a button that opens its card, and a link to its entry as the fallback. */
export interface SourceLink {
  /** `#source-<id>`: the entry in the source list. */
  href: string;
  /** `source-<id>`: the entry of the source list, which opens as the source's card (a popover). */
  card: string;
  /** `cite-<id>-<n>`: this place in the text, the target of the entry's back-link. */
  anchor: string;
  /** The publisher's name as shown in the text (see `shortPublisher`). */
  label: string;
  /** The rest of the publisher's name, then title and date, for assistive technology. */
  detail: string;
}

/** A citation resolved to what it shows: one item per cited id. */
export type AttributionItem =
  | { kind: 'source'; link: SourceLink }
  | { kind: 'claim'; href: string; card: string; anchor: string; status: string; links: SourceLink[] };

/** The id of a source's entry in the source list. */
export const sourceAnchor = (id: string) => `source-${id}`;
/** The id of a claim's entry in the claims panel. */
export const claimAnchor = (id: string) => `claim-${id}`;
/** The id of the card (a popover) that a citation of a claim opens; a source's card is its entry in the source list. */
export const cardId = (id: string) => `card-${id}`;

/**
 * The publisher's name as the text shows it: up to a parenthesis, so that
 * `Reuters (Elizabeth Piper), republished by daily8.com` shows as `Reuters`; the full name stays
 * available to assistive technology and on the card.
 */
export function shortPublisher(publisher: string): { label: string; rest: string } {
  const cut = publisher.indexOf(' (');
  if (cut <= 0) return { label: publisher, rest: '' };
  return { label: publisher.slice(0, cut), rest: publisher.slice(cut) };
}

/** Indexes an article's sources and claims by id. */
export function indexTargets(sources: readonly CitableSource[], claims: readonly CitableClaim[]): Map<string, CitationTarget> {
  const byId = new Map<string, CitationTarget>();
  for (const source of sources) byId.set(source.id, { kind: 'source', source });
  for (const claim of claims) {
    const claimSources = claim.sources.flatMap((id) => {
      const target = byId.get(id);
      return target?.kind === 'source' ? [target.source] : [];
    });
    byId.set(claim.id, { kind: 'claim', claim, sources: claimSources });
  }
  return byId;
}

/**
 * Numbers citations in the order they appear, so that every place that cites a source gets its own
 * anchor (`cite-<source>-1`, `cite-<source>-2`, ...) and every place that cites a claim too.
 * `places` lists, per source and per claim id, the anchors in order: the source list's back-links.
 */
export class CitationNumbering {
  readonly places = new Map<string, string[]>();
  private readonly targets: ReadonlyMap<string, CitationTarget>;

  constructor(targets: ReadonlyMap<string, CitationTarget>) {
    this.targets = targets;
  }

  private next(id: string, prefix: string): string {
    const list = this.places.get(id) ?? [];
    const anchor = `${prefix}-${id}-${list.length + 1}`;
    list.push(anchor);
    this.places.set(id, list);
    return anchor;
  }

  private link(source: CitableSource): SourceLink {
    const date = source.published ? `, published ${formatDate(source.published)}` : '';
    const { label, rest } = shortPublisher(source.publisher);
    return {
      href: `#${sourceAnchor(source.id)}`,
      card: sourceAnchor(source.id),
      anchor: this.next(source.id, 'cite'),
      label,
      detail: `${rest}: “${source.title}”${date}`,
    };
  }

  /** Resolves the ids of one `[@...]`; throws on an id that names nothing, which the checker reports first. */
  resolve(ids: readonly string[]): AttributionItem[] {
    return ids.map((id) => {
      const target = this.targets.get(id);
      if (!target) throw new Error(`Citation [@${id}] matches no source or claim`);
      if (target.kind === 'source') return { kind: 'source', link: this.link(target.source) };
      return {
        kind: 'claim',
        href: `#${claimAnchor(id)}`,
        card: cardId(id),
        anchor: this.next(id, 'cite'),
        status: target.claim.status,
        links: target.sources.map((source) => this.link(source)),
      };
    });
  }
}
