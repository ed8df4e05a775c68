import { CLAIM_STATUSES, type Article, type ClaimStatus } from '../format/index.ts';
import { STATUS_LABELS } from '../site/labels.ts';

/** The name the site publishes under. */
export const PUBLISHER_NAME = 'Sourced';

/** Absolute addresses the structured data points to. */
export interface StructuredDataUrls {
  /** The site's home page. */
  site: string;
  /** The article's page. */
  page: string;
  /** A claim's place on the article's page. */
  claim(id: string): string;
}

/** A schema.org `Rating` for a claim status. */
export interface ClaimRating {
  '@type': 'Rating';
  ratingValue: number;
  bestRating: number;
  worstRating: 1;
  alternateName: string;
}

/**
 * The `reviewRating` of a claim status. The statuses are ranked in the order the schema lists
 * them, from best to worst supported: confirmed 6, reported 5, disputed 4, misleading 3,
 * unverified 2, false 1 (best 6, worst 1). `alternateName` is the label the page shows.
 */
export function claimRating(status: ClaimStatus): ClaimRating {
  return {
    '@type': 'Rating',
    ratingValue: CLAIM_STATUSES.length - CLAIM_STATUSES.indexOf(status),
    bestRating: CLAIM_STATUSES.length,
    worstRating: 1,
    alternateName: STATUS_LABELS[status].label,
  };
}

/**
 * The JSON-LD of an article page: a schema.org `NewsArticle` (headline, description, dates,
 * authors, publisher, every source's address as a `citation`, every correction as a
 * `correction`) and a `ClaimReview` for each claim that names a claimant. Everything in it is also shown on the page.
 * Authors are bylines, so they are `Person`s; a claimant may be a person or an organisation, which
 * the format does not say, so it is a node with a name only.
 */
export function articleStructuredData(article: Article, urls: StructuredDataUrls): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: PUBLISHER_NAME, url: urls.site };
  const newsArticle = {
    '@type': 'NewsArticle',
    '@id': `${urls.page}#article`,
    url: urls.page,
    mainEntityOfPage: urls.page,
    headline: article.title,
    description: article.description,
    datePublished: article.published,
    dateModified: article.updated ?? article.published,
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    publisher,
    // The address of each source: its title, publisher and dates are on the page, and repeating
    // them here would weigh more than the rest of the structured data.
    citation: article.sources.map((source) => source.url),
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.text,
            datePublished: correction.date,
          })),
        }
      : {}),
  };
  const claimReviews = article.claims
    .filter((claim) => claim.claimant !== undefined)
    .map((claim) => ({
      '@type': 'ClaimReview',
      url: urls.claim(claim.id),
      claimReviewed: claim.statement,
      itemReviewed: { '@type': 'Claim', author: { name: claim.claimant } },
      author: publisher,
      datePublished: article.published,
      reviewRating: { ...claimRating(claim.status), ...(claim.note ? { ratingExplanation: claim.note } : {}) },
    }));
  return { '@context': 'https://schema.org', '@graph': [newsArticle, ...claimReviews] };
}
