/**
 * The site's Content-Security-Policy, in one place for both forms it ships in: Astro writes a
 * `<meta http-equiv="content-security-policy">` into every page (for hosts that cannot send
 * headers, such as GitHub Pages) and `public/_headers` sends it as an HTTP header (Netlify,
 * Cloudflare Pages). Reading pages run no script at all; no page may run inline script.
 */

/** Directives besides `script-src` and `style-src`, which Astro writes itself with the hashes each page needs. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // Article bodies may show images from other sites over https; Pagefind's stylesheet draws its icon as a data: image.
  "img-src 'self' https: data:",
  // The search page fetches its index from the site.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Script sources in the header: the site's own files, and WebAssembly for Pagefind on `/search/`. Never inline. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Style sources in the header: the site's own stylesheets (Astro is told never to inline them). */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * The policy as an HTTP header value; it adds `frame-ancestors`, which a `<meta>` policy cannot carry.
 * `public/_headers` carries it (tests/publishing/security-headers.test.ts holds the two equal).
 */
export function headerPolicy(): string {
  return [
    ...CSP_DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(' ')}`,
    `style-src ${STYLE_SOURCES.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
