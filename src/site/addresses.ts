import { claimAnchor, sourceAnchor } from '../template/page-ids.ts';

/** An article's page, as a path inside the site. */
export const articlePage = (slug: string): string => `articles/${slug}/`;

/** An article's history page, as a path inside the site. */
export const historyPage = (slug: string): string => `${articlePage(slug)}history/`;

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
  return { url, page, history, anchor };
}
