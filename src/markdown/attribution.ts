import { cardAnchor, citeAnchor, claimAnchor } from '../template/page-ids.ts';

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

/** What a citation can point at, by id; `number` is a source's place in the source list, from 1. */
export type CitationTarget =
  | { kind: 'source'; source: CitableSource; number: number }
  | { kind: 'claim'; claim: CitableClaim; sources: { source: CitableSource; number: number }[] };

/** One attribution to a source: a button that opens its card, and a link to the card as the fallback. */
export interface SourceLink {
  /** `card-<n>`: the card (a popover) of the n-th source, inside its entry in the source list. */
  card: string;
  /** `cite-<k>`: this place in the text, the target of the entry's back-link. */
  anchor: string;
  /** The publisher's name as shown in the text (see `shortPublisher`). */
  label: string;
}

/** A citation resolved to what it shows: one item per cited id. */
export type AttributionItem =
  | { kind: 'source'; link: SourceLink }
  | {
      kind: 'claim';
      /** `claim-<id>`: the claim's entry in the claims panel, which opens as the claim's card (a popover). */
      card: string;
      /** `cite-<k>`: this place in the text, the target of the claim's links to where the text cites it. */
      anchor: string;
      status: string;
    };

/**
 * The publisher's name as the text shows it: up to a parenthesis, so that
 * `Reuters (Elizabeth Piper), republished by daily8.com` shows as `Reuters`; the card that the
 * attribution opens gives the full name.
 */
export function shortPublisher(publisher: string): string {
  const cut = publisher.indexOf(' (');
  return cut <= 0 ? publisher : publisher.slice(0, cut);
}

/**
 * An article's sources by id, each with its number: its place in the source list, from 1, which
 * names its card (`card-<n>`) everywhere the page shows it.
 */
export function numberSources<S extends CitableSource>(
  sources: readonly S[],
): Map<string, { source: S; number: number }> {
  return new Map(sources.map((source, index) => [source.id, { source, number: index + 1 }]));
}

/** Indexes an article's sources (with their place in the source list) and claims by id. */
export function indexTargets(
  sources: readonly CitableSource[],
  claims: readonly CitableClaim[],
): Map<string, CitationTarget> {
  const byId = new Map<string, CitationTarget>();
  for (const [id, { source, number }] of numberSources(sources)) byId.set(id, { kind: 'source', source, number });
  for (const claim of claims) {
    const claimSources = claim.sources.flatMap((id) => {
      const target = byId.get(id);
      return target?.kind === 'source' ? [{ source: target.source, number: target.number }] : [];
    });
    byId.set(claim.id, { kind: 'claim', claim, sources: claimSources });
  }
  return byId;
}

/**
 * Numbers the places that cite something in the order they appear (`cite-1`, `cite-2`, ...; a
 * cited claim is one place, its sources being on its card). `places` lists, per source and per
 * claim id, the anchors of its places in order: the targets of the back-links.
 */
export class CitationNumbering {
  readonly places = new Map<string, string[]>();
  private readonly targets: ReadonlyMap<string, CitationTarget>;
  private count = 0;

  constructor(targets: ReadonlyMap<string, CitationTarget>) {
    this.targets = targets;
  }

  private next(id: string): string {
    this.count += 1;
    const anchor = citeAnchor(this.count);
    const list = this.places.get(id) ?? [];
    list.push(anchor);
    this.places.set(id, list);
    return anchor;
  }

  private link(source: CitableSource, number: number): SourceLink {
    return {
      card: cardAnchor(number),
      anchor: this.next(source.id),
      label: shortPublisher(source.publisher),
    };
  }

  /** Resolves the ids of one `[@...]`; throws on an id that names nothing, which the checker reports first. */
  resolve(ids: readonly string[]): AttributionItem[] {
    return ids.map((id) => {
      const target = this.targets.get(id);
      if (!target) throw new Error(`Citation [@${id}] matches no source or claim`);
      if (target.kind === 'source') return { kind: 'source', link: this.link(target.source, target.number) };
      const anchor = this.next(id);
      return {
        kind: 'claim',
        card: claimAnchor(id),
        anchor,
        status: target.claim.status,
      };
    });
  }
}
