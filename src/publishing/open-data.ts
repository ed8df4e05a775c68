import type { Claim, Source } from '../format/index.ts';
import type { PublishedArticle } from '../site/articles.ts';

/** Absolute addresses the open data points to. */
export interface OpenDataUrls {
  /** The site's home page. */
  site: string;
  /** An article's page. */
  page(slug: string): string;
  /** An article's JSON file. */
  data(slug: string): string;
  /** A claim's or source's entry on its article's page. */
  anchor(slug: string, kind: 'claim' | 'source', id: string): string;
}

/** A claim as written in the frontmatter, plus the address of its entry on the page. */
export type ClaimRecord = Claim & { permalink: string };
/** A source as written in the frontmatter, plus the address of its entry on the page. */
export type SourceRecord = Source & { permalink: string };

/** An article's JSON file, as a path inside the site. */
export const articleDataPath = (slug: string): string => `articles/${slug}.json`;

/** The article a site-wide record belongs to. */
export interface ArticleRef {
  slug: string;
  title: string;
  published: string;
  url: string;
  data: string;
}

/**
 * `/articles/<slug>.json`: the article's metadata, claims, sources, timeline and corrections,
 * with the field names and values of the frontmatter, and `permalink` on each claim and source.
 */
export function articleRecord({ slug, article }: PublishedArticle, urls: OpenDataUrls) {
  return {
    slug,
    url: urls.page(slug),
    title: article.title,
    description: article.description,
    published: article.published,
    ...(article.updated ? { updated: article.updated } : {}),
    authors: article.authors,
    topics: article.topics,
    claims: article.claims.map((claim): ClaimRecord => ({ ...claim, permalink: urls.anchor(slug, 'claim', claim.id) })),
    sources: article.sources.map((source): SourceRecord => ({ ...source, permalink: urls.anchor(slug, 'source', source.id) })),
    timeline: article.timeline,
    corrections: article.corrections,
  };
}

/** An article's JSON file, `/articles/<slug>.json`, as articleRecord makes it. */
export type ArticleRecord = ReturnType<typeof articleRecord>;

/** JSON text of a data file: two-space indented, ending with a newline. */
export function dataFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
