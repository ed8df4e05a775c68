import type { Article } from '../format/index.ts';
import { getRegistries } from '../site/registries.ts';
import { absoluteUrl, articleUrl, authorPath, claimUrl, siteUrl } from '../site/addresses.ts';
import type { Claim } from '../format/index.ts';
import {
  articleStructuredData,
  claimReview,
  structuredDataBlocks,
  type StructuredDataBlocks,
  type StructuredDataUrls,
} from './structured-data.ts';

/** The JSON-LD blocks of the published article `id`, with the site's addresses and registries. */
export async function articlePageStructuredData(id: string, article: Article): Promise<StructuredDataBlocks> {
  return structuredDataBlocks(articleStructuredData(article, pageUrls(id), await getRegistries()));
}

/** The addresses of the published article `id` that its structured data names. */
const pageUrls = (id: string): StructuredDataUrls => ({
  site: siteUrl(),
  page: articleUrl(id),
  claim: (claim) => claimUrl(id, claim),
  author: (author) => absoluteUrl(authorPath(author)),
});

/**
 * The JSON-LD of a claim's own page: its ClaimReview as the page's main entity, the same node as in
 * its article's page, with the page it is the main entity of.
 */
export async function claimPageStructuredData(
  id: string,
  article: Article,
  claim: Claim,
): Promise<Record<string, unknown>> {
  const review = claimReview(claim, article, pageUrls(id), await getRegistries());
  return {
    '@context': 'https://schema.org',
    ...review,
    mainEntityOfPage: { '@type': 'WebPage', '@id': review['url'] },
  };
}
