import {
  hasClaimPage,
  headlineUnknown,
  type Article,
  type Author,
  type Claim,
  type ClaimStatus,
  type Publisher,
} from '../format/index.ts';
import { STATUS_LABELS } from '../site/labels.ts';
import { PAGE_IDS } from '../template/page-ids.ts';

/** The name the site publishes under. */
export const PUBLISHER_NAME = 'Sourced';

/** Absolute addresses the structured data points to. */
export interface StructuredDataUrls {
  /** The site's home page. */
  site: string;
  /** The article's page. */
  page: string;
  /** A claim's own page (someone's claim: `hasClaimPage`), its ClaimReview's `url`. */
  claim(id: string): string;
  /** An author's page on the site. */
  author?(id: string): string;
}

/** The registries the structured data names authors and claimants from. */
export interface StructuredDataRegistries {
  authors?: Readonly<Record<string, Pick<Author, 'name' | 'type' | 'url'>>>;
  publishers?: Readonly<Record<string, Pick<Publisher, 'name' | 'homepage'>>>;
}

/** A schema.org `Person` or `Organization`, or, for a name the registries do not know, a node with a name only. */
type Agent = { '@type'?: 'Person' | 'Organization'; name: string; url?: string; sameAs?: string };

/** An author id as a schema.org node: a `Person` or an `Organization` as the registry types it. */
function authorNode(id: string, registries: StructuredDataRegistries, urls: StructuredDataUrls): Agent {
  const author = registries.authors && Object.hasOwn(registries.authors, id) ? registries.authors[id]! : undefined;
  if (!author) return { '@type': 'Person', name: id };
  return {
    '@type': author.type === 'organization' ? 'Organization' : 'Person',
    name: author.name,
    ...(urls.author ? { url: urls.author(id) } : {}),
    ...(author.url ? { sameAs: author.url } : {}),
  };
}

/**
 * Who made a claim: a registry author (a `Person` or an `Organization`), a registry publisher (an
 * `Organization`), or else a description, which is a node with a name only, since the format does
 * not say what it is.
 */
function claimantNode(claimant: string, registries: StructuredDataRegistries, urls: StructuredDataUrls): Agent {
  if (registries.authors && Object.hasOwn(registries.authors, claimant)) return authorNode(claimant, registries, urls);
  const publisher =
    registries.publishers && Object.hasOwn(registries.publishers, claimant)
      ? registries.publishers[claimant]!
      : undefined;
  if (publisher)
    return {
      '@type': 'Organization',
      name: publisher.name,
      ...(publisher.homepage ? { url: publisher.homepage } : {}),
    };
  return { name: claimant };
}

/**
 * A source as a schema.org `CreativeWork`: where a claim appeared, with its headline when the
 * source has one (a title that only describes the page is no headline).
 */
function appearanceOf(article: Article, id: string): Record<string, unknown> | undefined {
  const source = article.sources.find((candidate) => candidate.id === id);
  if (!source) return undefined;
  return {
    '@type': 'CreativeWork',
    url: source.url,
    ...(headlineUnknown(source.title) === undefined ? { headline: source.title } : {}),
    ...(source.published ? { datePublished: source.published } : {}),
  };
}

/**
 * The `itemReviewed` of a claim's ClaimReview: the claim, who made it (when the article names
 * them: a claim known only by where it appeared has no author), when, where it appeared, and
 * the words checked, verbatim, as its `text` (schema.org: "the content of a claim can be summarized
 * with the text property"; `claimReviewed` stays the newsroom's own statement of it).
 */
function reviewedClaim(
  claim: Claim,
  article: Article,
  registries: StructuredDataRegistries,
  urls: StructuredDataUrls,
): Record<string, unknown> {
  const appearances = (claim.appearances ?? []).flatMap((id) => appearanceOf(article, id) ?? []);
  return {
    '@type': 'Claim',
    ...(claim.claimant === undefined ? {} : { author: claimantNode(claim.claimant, registries, urls) }),
    ...(claim.date ? { datePublished: claim.date } : {}),
    ...(claim.wording ? { text: claim.wording } : {}),
    ...(appearances.length > 0 ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
  };
}

/** A schema.org `Rating` for a claim's rating. */
export type ClaimRating =
  | { '@type': 'Rating'; ratingValue: number; bestRating: 5; worstRating: 1; alternateName: string }
  | { '@type': 'Rating'; alternateName: string };

/**
 * Where each verdict sits on the five-step truthfulness scale Google's fact-check guidance
 * recommends (1 false, 2 mostly false, 3 half true, 4 mostly true, 5 true). The four ratings that
 * give no verdict on truth (disputed, unproven, outdated, not checkable) have no place on it and
 * carry their name alone. The methodology page prints this mapping.
 */
export const RATING_VALUES: Partial<Record<ClaimStatus, number>> = {
  confirmed: 5,
  'missing-context': 4,
  misleading: 2,
  false: 1,
};

/** The `reviewRating` of a claim: its label as the page shows it, and its place on the 1–5 scale when it has one. */
export function claimRating(status: ClaimStatus): ClaimRating {
  const alternateName = STATUS_LABELS[status].label;
  const value = RATING_VALUES[status];
  return value === undefined
    ? { '@type': 'Rating', alternateName }
    : { '@type': 'Rating', ratingValue: value, bestRating: 5, worstRating: 1, alternateName };
}

/**
 * The JSON-LD of an article page: a schema.org `NewsArticle` (headline, dates,
 * authors, publisher, every correction as a
 * `correction` with its date and the address of the page's corrections) and a `ClaimReview` for each claim that names a claimant or where it appeared. Everything in it is also shown on the page.
 * Authors are `Person`s or `Organization`s as content/authors.yaml types them. A claim's
 * `itemReviewed` carries when it was made (`datePublished`), where it appeared (`appearance`,
 * the first one also as `firstAppearance`) and who made it: typed when the claimant is a registry
 * author or publisher, else a node with a name only.
 */
export function articleStructuredData(
  article: Article,
  urls: StructuredDataUrls,
  registries: StructuredDataRegistries = {},
): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: PUBLISHER_NAME, url: urls.site };
  const newsArticle = {
    '@type': 'NewsArticle',
    '@id': `${urls.page}#article`,
    url: urls.page,
    headline: article.title,
    // No `description` and no `mainEntityOfPage`: the page's meta description and `url` say the
    // same, and the budget of docs/reading.md counts every byte of markup.
    datePublished: article.published,
    dateModified: article.updated ?? article.published,
    author: article.authors.map((id) => authorNode(id, registries, urls)),
    publisher,
    // No `citation` list: every source's address is a link on the page and in the article's open
    // data (`/articles/<slug>.json`), and the list weighed 0.3 KB of the first explainer's markup
    // budget (docs/reading.md).
    ...(article.corrections.length > 0
      ? {
          // Each correction by its date and where the page prints it: its text, which may cite
          // claims as [@claim-id], is read on the page, and repeating it here weighed a kilobyte of
          // the first explainer's markup budget (docs/reading.md).
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            url: `${urls.page}#${PAGE_IDS.corrections}`,
            datePublished: correction.date,
          })),
        }
      : {}),
  };
  const claimReviews = article.claims
    .filter(hasClaimPage)
    .map((claim) => claimReview(claim, article, urls, registries));
  return { '@context': 'https://schema.org', '@graph': [newsArticle, ...claimReviews] };
}

/** The schema.org `ClaimReview` of someone's claim (`hasClaimPage`): the same node on the article's page and on the claim's own page. */
export function claimReview(
  claim: Claim,
  article: Article,
  urls: StructuredDataUrls,
  registries: StructuredDataRegistries = {},
): Record<string, unknown> {
  return {
    '@type': 'ClaimReview',
    url: urls.claim(claim.id),
    claimReviewed: claim.statement,
    itemReviewed: reviewedClaim(claim, article, registries, urls),
    author: { '@type': 'Organization', name: PUBLISHER_NAME, url: urls.site },
    datePublished: article.published,
    reviewRating: { ...claimRating(claim.status), ...(claim.note ? { ratingExplanation: claim.note } : {}) },
  };
}

/** The JSON-LD of an article page, in the two blocks the page prints. */
export interface StructuredDataBlocks {
  /** The `ClaimReview`s, if any, for the head: the claims panel, which shows the same texts, follows it closely. */
  reviews: Record<string, unknown> | undefined;
  /** The `NewsArticle`, printed after the source list. */
  article: Record<string, unknown>;
}

/** Splits `articleStructuredData`'s graph into the page's two blocks; together they hold the same nodes. */
export function structuredDataBlocks(data: Record<string, unknown>): StructuredDataBlocks {
  const graph = data['@graph'] as Record<string, unknown>[];
  const context = data['@context'];
  const reviews = graph.filter((node) => node['@type'] === 'ClaimReview');
  return {
    reviews: reviews.length > 0 ? { '@context': context, '@graph': reviews } : undefined,
    article: { '@context': context, '@graph': graph.filter((node) => node['@type'] !== 'ClaimReview') },
  };
}
