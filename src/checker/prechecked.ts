import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * `npm run build` checks every article before Astro starts; this list (absolute path -> digest of
 * the exact text that passed) lets the content loader skip the Markdown half of the same check.
 * A file whose text has changed since is checked in full again.
 */
export type Prechecked = Map<string, string>;

/** Digest of an article's text, as the list records it. */
export const textDigest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Writes the list of files that passed the check. */
export function writePrechecked(file: string, passed: Prechecked): void {
  writeFileSync(file, JSON.stringify(Object.fromEntries(passed)));
}

/** Reads the list named by SOURCED_PRECHECKED; empty when there is none. */
export function readPrechecked(file = process.env.SOURCED_PRECHECKED): Prechecked {
  if (!file) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}
