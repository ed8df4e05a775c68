import { z } from './zod.ts';

/** Why a URL is refused, or null when it is a plain, absolute http(s) address. */
export function unsafeUrlReason(value: string): string | null {
  if (value.trim() !== value) return 'it has spaces at the start or end';
  // Browsers drop tabs and newlines inside URLs, which is how `java\tscript:` gets through elsewhere.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return 'it contains spaces, tabs, newlines or control characters';
  if (value.startsWith('//')) return 'it is protocol-relative; start it with https://';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (!scheme) return 'it is not an absolute address; start it with https://';
  if (!/^https?$/i.test(scheme))
    return `it uses the "${scheme.toLowerCase()}:" scheme; only http: and https: are allowed`;
  if (!/^https?:\/\/[^/]/i.test(value)) return 'it has no host after the scheme';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not a valid web address';
  }
  if (url.username || url.password) return 'it contains a user name or password';
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return `"${url.hostname}" is not a public host name`;
  return null;
}

/** An absolute `http:` or `https:` URL with a host and no credentials. */
export const httpUrlSchema = z
  .string({ error: 'must be a web address in quotes or plain text, starting with https://' })
  .check((ctx) => {
    const reason = unsafeUrlReason(ctx.value);
    if (reason) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        params: { rule: 'unsafe-url' },
        message: `is not a plain http(s) address: ${reason}`,
      });
    }
  });

// Browsers ignore ASCII whitespace and control characters inside a URL's scheme: `java\tscript:`.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;

/** Schemes a link in the body may use: the web, and the e-mail addresses and telephone numbers newsrooms give. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Why a link or image target in an article's body is refused, or null for http(s), mailto: and
 * tel: addresses, relative paths and #anchors.
 */
export function unsafeLinkReason(url: string): string | null {
  const squeezed = url.replace(IGNORED_IN_URL, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme && !LINK_SCHEMES.has(scheme)) return `uses the "${scheme}:" scheme`;
  if (squeezed.startsWith('//') || squeezed.startsWith('\\\\') || squeezed.startsWith('/\\')) {
    return 'is protocol-relative';
  }
  return null;
}
