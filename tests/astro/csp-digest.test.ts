import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

// Patched (patches/astro+7.3.5.patch): Astro hashed the same few inline scripts and styles again for
// every page it wrote, with an asynchronous Web Crypto call each time; the patch keeps each digest.
// An internal module of Astro, which its package does not export: imported by its path.
const ENCRYPTION = join(ROOT, 'node_modules/astro/dist/core/encryption.js');
const { generateCspDigest } = (await import(pathToFileURL(ENCRYPTION).href)) as { generateCspDigest: (data: string, algorithm: string) => Promise<string> };

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe("Astro's CSP digests, kept once made", () => {
  it('gives the SHA-256 of the text, the first time and every time after', async () => {
    for (const text of ['', 'console.log(1)', '.a{color:red}', 'é😀\u0000']) {
      expect(await generateCspDigest(text, 'SHA-256')).toBe(sha256(text));
      expect(await generateCspDigest(text, 'SHA-256')).toBe(sha256(text));
    }
  });

  it('keeps each algorithm apart', async () => {
    const sha512 = `sha512-${createHash('sha512').update('x').digest('base64')}`;
    expect(await generateCspDigest('x', 'SHA-512')).toBe(sha512);
    expect(await generateCspDigest('x', 'SHA-256')).toBe(sha256('x'));
  });

  it('stays right past the number of digests it keeps', async () => {
    for (let index = 0; index < 2_100; index++) expect(await generateCspDigest(`style ${index}`, 'SHA-256')).toBe(sha256(`style ${index}`));
    expect(await generateCspDigest('style 5', 'SHA-256')).toBe(sha256('style 5'));
  });
});
