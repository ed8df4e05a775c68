import { claimAnchor, sourceAnchor } from '../markdown/page-ids.ts';

/** An article's page, as a path inside the site. */
export const articlePage = (slug: string): string => `articles/${slug}/`;

/** An article's history page, as a path inside the site. */
export const historyPage = (slug: string): string => `${articlePage(slug)}history/`;

/** A claim's own page (for someone's claim, `hasClaimPage`), as a path inside the site. */
export const claimPage = (slug: string, claim: string): string => `${articlePage(slug)}claims/${claim}/`;

/** A claim's card, the page other sites frame (`<iframe>`), as a path inside the site. */
export const claimCardPage = (slug: string, claim: string): string => `${claimPage(slug, claim)}card/`;

/** The share image (og:image) of an article's page, or of a claim's page, as a path inside the site. */
export const shareImageFile = (slug: string, claim?: string): string => `${claim === undefined ? articlePage(slug) : claimPage(slug, claim)}share.png`;

/** The listing of checked claims, all of them or those of one status, as a path inside the site. */
export const claimsListing = (status?: string): string => (status === undefined ? 'claims/' : `claims/${status}/`);

/**
 * The absolute addresses of a site whose home page is `siteRoot` (absolute, ending with `/`).
 * Free of Astro's configuration (site-url.ts passes in the configured one), so that `npm run build`
 * can write open data outside Astro.
 */
export function siteAddresses(siteRoot: string) {
  /** A path inside the site (`articles/talks/`, `rss.xml`), absolute. */
  const url = (path: string) => new URL(path, siteRoot).href;
  /** An article's page. */
  const page = (slug: string) => url(articlePage(slug));
  /** An article's history page. */
  const history = (slug: string) => url(historyPage(slug));
  /** A claim's or source's entry on its article's page. */
  const anchor = (slug: string, kind: 'claim' | 'source', id: string) => `${page(slug)}#${kind === 'claim' ? claimAnchor(id) : sourceAnchor(id)}`;
  /** A claim's own page. */
  const claim = (slug: string, id: string) => url(claimPage(slug, id));
  return { url, page, history, anchor, claim };
}
