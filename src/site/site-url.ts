import { claimAnchor, sourceAnchor } from '../markdown/page-ids.ts';
import { articlePath, sitePath } from './paths.ts';

/** The absolute address of a site path (from `sitePath` or `articlePath`) on `SITE_URL`. */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

/** The absolute address of a path inside the site, on `SITE_URL` and under `BASE_PATH`. */
export function siteUrl(path = ''): string {
  return absoluteUrl(sitePath(path));
}

/** The absolute address of an article's page. */
export function articleUrl(slug: string): string {
  return absoluteUrl(articlePath(slug));
}

/** The absolute address of a claim's or source's entry on its article's page. */
export function anchorUrl(slug: string, kind: 'claim' | 'source', id: string): string {
  return `${articleUrl(slug)}#${kind === 'claim' ? claimAnchor(id) : sourceAnchor(id)}`;
}
