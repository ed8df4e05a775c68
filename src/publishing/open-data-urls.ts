import { anchorUrl, articleUrl, siteUrl } from '../site/site-url.ts';
import type { OpenDataUrls } from './open-data.ts';

/** The addresses the open data files point to, on this site. */
export const openDataUrls: OpenDataUrls = {
  site: siteUrl(),
  page: articleUrl,
  data: (slug) => siteUrl(`articles/${slug}.json`),
  history: (slug) => siteUrl(`articles/${slug}/history/`),
  anchor: anchorUrl,
};
