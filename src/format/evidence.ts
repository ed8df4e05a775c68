import type { Article } from './article.ts';
import { publisherKey, type Publisher } from './publisher.ts';

/** How much evidence an article rests on, as counted in its header and in listings. */
export interface EvidenceProfile {
  claims: number;
  sources: number;
  /** Publishers counted once each: by registry id, or by name ignoring case and surrounding spaces. */
  publishers: number;
  /** Sources whose publisher a state owns or controls, by the registry. */
  stateAffiliated: number;
  /** Sources of kind `primary`: the record itself. */
  primary: number;
  /** Sources marked as a party to the story. */
  parties: number;
}

/**
 * Counts an article's claims, sources, distinct publishers, sources from state-affiliated
 * publishers (by the registry, content/publishers.yaml), primary sources and sources from parties.
 */
export function evidenceProfile(
  article: Pick<Article, 'claims' | 'sources'>,
  publishers: Readonly<Record<string, Pick<Publisher, 'stateAffiliated'>>> = {},
): EvidenceProfile {
  return {
    claims: article.claims.length,
    sources: article.sources.length,
    publishers: new Set(article.sources.map((source) => publisherKey(source.publisher))).size,
    stateAffiliated: article.sources.filter(
      (source) => Object.hasOwn(publishers, source.publisher) && publishers[source.publisher]!.stateAffiliated,
    ).length,
    primary: article.sources.filter((source) => source.kind === 'primary').length,
    parties: article.sources.filter((source) => source.party === true).length,
  };
}
