import { anchorUrl, articleUrl, siteUrl } from '../site/site-url.ts';
import { articleDataPath, type OpenDataUrls } from './open-data.ts';

/** The addresses the open data files point to, on this site. */
export const openDataUrls: OpenDataUrls = {
  site: siteUrl(),
  page: articleUrl,
  data: (slug) => siteUrl(articleDataPath(slug)),
  history: (slug) => siteUrl(`articles/${slug}/history/`),
  anchor: anchorUrl,
};
