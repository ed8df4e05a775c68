import type { Claim, Source } from '../format/index.ts';
import type { StatusEntry } from '../history/article-history.ts';
import { claimStatusHistories } from '../site/article-history.ts';
import type { PublishedArticle } from '../site/articles.ts';
import type { SourceLocks } from '../site/source-locks.ts';
import type { LockEntry } from '../sources/lock.ts';
import { siteAddresses } from '../site/addresses.ts';

/** Absolute addresses the open data points to. */
export interface OpenDataUrls {
  /** The site's home page. */
  site: string;
  /** An article's page. */
  page(slug: string): string;
  /** An article's JSON file. */
  data(slug: string): string;
  /** An article's history page. */
  history(slug: string): string;
  /** A claim's or source's entry on its article's page. */
  anchor(slug: string, kind: 'claim' | 'source', id: string): string;
}

/**
 * The addresses of the site whose home page is `siteRoot` (absolute, ending with `/`). Kept apart
 * from Astro's configuration (pages pass in `siteUrl()`), so that the articles' JSON files can be
 * written on a worker thread, away from Astro's page rendering (write-open-data.ts).
 */
export function openDataUrlsFor(siteRoot: string): OpenDataUrls {
  const { page, data, history, anchor } = siteAddresses(siteRoot);
  return { site: siteRoot, page, data, history, anchor };
}

/** A claim as written in the frontmatter, plus the address of its entry on the page and its statuses over time, oldest first. */
export type ClaimRecord = Claim & { permalink: string; statusHistory: StatusEntry[] };
/**
 * A source as written in the frontmatter, plus the address of its entry on the page and what
 * `npm run sources` last found for it (`lock`, the entry of content/sources/<slug>.lock.json; null
 * when it was never checked at this address).
 */
export type SourceRecord = Source & { permalink: string; lock: LockEntry | null };

const NO_LOCKS: SourceLocks = new Map();

export { articleDataPath, dataFileText } from './data-file.ts';

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
 * with the field names and values of the frontmatter, `permalink` on each claim and source, and
 * `statusHistory` on each claim.
 */
export function articleRecord(
  { slug, article, history }: PublishedArticle,
  urls: OpenDataUrls,
  locks: SourceLocks = NO_LOCKS,
) {
  const statuses = claimStatusHistories(article, history);
  return {
    slug,
    url: urls.page(slug),
    title: article.title,
    description: article.description,
    ...(article.conclusion ? { conclusion: article.conclusion } : {}),
    published: article.published,
    ...(article.updated ? { updated: article.updated } : {}),
    authors: article.authors,
    topics: article.topics,
    claims: article.claims.map((claim): ClaimRecord => ({
      ...claim,
      permalink: urls.anchor(slug, 'claim', claim.id),
      statusHistory: statuses[claim.id]!,
    })),
    sources: article.sources.map((source): SourceRecord => ({
      ...source,
      permalink: urls.anchor(slug, 'source', source.id),
      lock: locks.get(source.id) ?? null,
    })),
    timeline: article.timeline,
    corrections: article.corrections,
  };
}

/** An article's JSON file, `/articles/<slug>.json`, as articleRecord makes it. */
export type ArticleRecord = ReturnType<typeof articleRecord>;

/**
 * `/articles/<slug>/history.json`: what the history page shows, as data: every published revision,
 * newest first, with its changes, and each claim's statuses over time. `complete` is false when
 * the site was built from a shallow clone, which lacks the earlier revisions.
 */
export function historyRecord({ slug, article, history }: PublishedArticle, urls: OpenDataUrls) {
  return {
    slug,
    url: urls.page(slug),
    history: urls.history(slug),
    title: article.title,
    complete: !history?.shallow,
    revisions: history?.revisions ?? [],
    statusHistory: claimStatusHistories(article, history),
  };
}
