/**
 * Site-internal addresses, under the configured base path (`BASE_PATH`), always with a trailing
 * slash for pages. Every internal link goes through here so the site works under any base.
 */
import { articlePage, claimCardPage, claimPage, claimsListing, historyPage } from './addresses.ts';
import { revisionAnchor } from './article-history.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `/base/` + a path inside the site, such as `articles/talks/` or `rss.xml`. */
export function sitePath(path = ''): string {
  return `${base}${path.replace(/^\//, '')}`;
}

/** The page of an article. */
export const articlePath = (slug: string) => sitePath(articlePage(slug));

/** The page of an author: their bio and their explainers. */
export const authorPath = (id: string) => sitePath(`authors/${id}/`);

/** A claim's own page, and its card for other sites to frame. */
export const claimPath = (slug: string, claim: string) => sitePath(claimPage(slug, claim));
export const claimCardPath = (slug: string, claim: string) => sitePath(claimCardPage(slug, claim));

/** The listing of checked claims, or of those of one status. */
export const claimsPath = (status?: string) => sitePath(claimsListing(status));

/** The history page of an article. */
export const historyPath = (slug: string) => sitePath(historyPage(slug));

/** A revision's entry on the history page. */
export const revisionPath = (slug: string, commit: string) => `${historyPath(slug)}#${revisionAnchor(commit)}`;
