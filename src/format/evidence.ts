import type { Article } from './article.ts';
import { publisherKey } from './publisher.ts';

/** How much evidence an article rests on, as counted in its header and in listings. */
export interface EvidenceProfile {
  claims: number;
  sources: number;
  /** Publishers counted once each, ignoring case and surrounding spaces. */
  publishers: number;
  /** Sources of kind `primary`: the record itself. */
  primary: number;
  /** Sources marked as a party to the story. */
  parties: number;
}

/** Counts an article's claims, sources, distinct publishers, primary sources and sources from parties. */
export function evidenceProfile(article: Pick<Article, 'claims' | 'sources'>): EvidenceProfile {
  return {
    claims: article.claims.length,
    sources: article.sources.length,
    publishers: new Set(article.sources.map((source) => publisherKey(source.publisher))).size,
    primary: article.sources.filter((source) => source.kind === 'primary').length,
    parties: article.sources.filter((source) => source.party === true).length,
  };
}
