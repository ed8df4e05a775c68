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

let addresses: ReturnType<typeof siteAddresses> | undefined;
const site = () => (addresses ??= siteAddresses(siteUrl()));

/** The absolute address of an article's page. */
export const articleUrl = (slug: string): string => site().page(slug);

/** The absolute address of a claim's own page. */
export const claimUrl = (slug: string, claim: string): string => site().claim(slug, claim);

/** The absolute address of a claim's or source's entry on its article's page. */
export const anchorUrl = (slug: string, kind: 'claim' | 'source', id: string): string => site().anchor(slug, kind, id);
