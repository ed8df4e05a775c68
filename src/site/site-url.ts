import { siteAddresses } from './addresses.ts';
import { sitePath } from './paths.ts';

/** The absolute address of a site path (from `sitePath` or `articlePath`) on `SITE_URL`. */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

/** The absolute address of a path inside the site, on `SITE_URL` and under `BASE_PATH`. */
export function siteUrl(path = ''): string {
  return absoluteUrl(sitePath(path));
}

const addresses = siteAddresses(siteUrl());

/** The absolute address of an article's page. */
export const articleUrl = addresses.page;

/** The absolute address of a claim's or source's entry on its article's page. */
export const anchorUrl = addresses.anchor;
