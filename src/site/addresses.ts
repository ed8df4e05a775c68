import { claimAnchor, sourceAnchor } from '../template/page-ids.ts';
import { revisionAnchor } from './article-history.ts';

/*
 * Every address of the site is built here, and nowhere else. Three kinds:
 * - paths inside the site (`articles/talks/`), free of any configuration;
 * - absolute addresses on a given site root (`siteAddresses`), for code that runs outside Astro
 *   (the open data written by `npm run build`);
 * - links and addresses under Astro's configured base path and site URL (`sitePath`, `siteUrl`, ...),
 *   for pages and components. They read `import.meta.env` only when called, so that importing this
 *   module outside Astro is safe.
 */

/** An article's page, as a path inside the site. */
export const articlePage = (slug: string): string => `articles/${slug}/`;

/** An article's history page, as a path inside the site. */
export const historyPage = (slug: string): string => `${articlePage(slug)}history/`;

/** An author's page (their bio and their explainers), as a path inside the site. */
export const authorPage = (id: string): string => `authors/${id}/`;

/** A claim's own page (for someone's claim, `hasClaimPage`), as a path inside the site. */
export const claimPage = (slug: string, claim: string): string => `${articlePage(slug)}claims/${claim}/`;

/** A claim's card, the page other sites frame (`<iframe>`), as a path inside the site. */
export const claimCardPage = (slug: string, claim: string): string => `${claimPage(slug, claim)}card/`;

/** The share image (og:image) of an article's page, or of a claim's page, as a path inside the site. */
export const shareImageFile = (slug: string, claim?: string): string =>
  `${claim === undefined ? articlePage(slug) : claimPage(slug, claim)}share.png`;

/** The listing of checked claims, all of them or those of one status, as a path inside the site. */
export const claimsListing = (status?: string): string => (status === undefined ? 'claims/' : `claims/${status}/`);

/** An article's JSON file, as a path inside the site. */
export const articleDataPath = (slug: string): string => `articles/${slug}.json`;

/** An article's history as data, as a path inside the site. */
export const historyDataPath = (slug: string): string => `${articlePage(slug)}history.json`;

/** The article format's JSON Schema, as a path inside the site. */
export const ARTICLE_SCHEMA_PATH = 'data/article.schema.json';

/**
 * The absolute addresses of a site whose home page is `siteRoot` (absolute, ending with `/`).
 * Free of Astro's configuration (`siteUrl()` gives the configured root), so that `npm run build`
 * can write open data outside Astro.
 */
export function siteAddresses(siteRoot: string) {
  /** A path inside the site (`articles/talks/`, `rss.xml`), absolute. */
  const url = (path: string) => new URL(path, siteRoot).href;
  /** An article's page. */
  const page = (slug: string) => url(articlePage(slug));
  /** An article's history page. */
  const history = (slug: string) => url(historyPage(slug));
  /** An article's JSON file. */
  const data = (slug: string) => url(articleDataPath(slug));
  /** A claim's or source's entry on its article's page. */
  const anchor = (slug: string, kind: 'claim' | 'source', id: string) =>
    `${page(slug)}#${kind === 'claim' ? claimAnchor(id) : sourceAnchor(id)}`;
  /** A claim's own page. */
  const claim = (slug: string, id: string) => url(claimPage(slug, id));
  return { url, page, history, data, anchor, claim };
}

/** The configured base path (`BASE_PATH`), ending with `/`. */
function base(): string {
  const configured = import.meta.env.BASE_URL;
  return configured.endsWith('/') ? configured : `${configured}/`;
}

/**
 * `/base/` + a path inside the site, such as `articles/talks/` or `rss.xml`: every internal link
 * goes through here, so the site works under any base. Pages end with a slash.
 */
export function sitePath(path = ''): string {
  return `${base()}${path.replace(/^\//, '')}`;
}

/** The page of an article. */
export const articlePath = (slug: string) => sitePath(articlePage(slug));

/** The page of an author: their bio and their explainers. */
export const authorPath = (id: string) => sitePath(authorPage(id));

/** The history page of an article. */
export const historyPath = (slug: string) => sitePath(historyPage(slug));

/** A claim's own page, and its card for other sites to frame. */
export const claimPath = (slug: string, claim: string) => sitePath(claimPage(slug, claim));
export const claimCardPath = (slug: string, claim: string) => sitePath(claimCardPage(slug, claim));

/** The listing of checked claims, or of those of one status. */
export const claimsPath = (status?: string) => sitePath(claimsListing(status));

/** A revision's entry on the history page. */
export const revisionPath = (slug: string, commit: string) => `${historyPath(slug)}#${revisionAnchor(commit)}`;

/** The absolute address of a site path (from `sitePath` or `articlePath`) on `SITE_URL`. */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

/** The absolute address of a path inside the site, on `SITE_URL` and under `BASE_PATH`. */
export function siteUrl(path = ''): string {
  return absoluteUrl(sitePath(path));
}

let addresses: ReturnType<typeof siteAddresses> | undefined;
const site = () => (addresses ??= siteAddresses(siteUrl()));

/** The absolute address of an article's page. */
export const articleUrl = (slug: string): string => site().page(slug);

/** The absolute address of a claim's own page. */
export const claimUrl = (slug: string, claim: string): string => site().claim(slug, claim);

/** The absolute address of a claim's or source's entry on its article's page. */
export const anchorUrl = (slug: string, kind: 'claim' | 'source', id: string): string => site().anchor(slug, kind, id);
