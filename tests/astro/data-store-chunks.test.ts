import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/site.ts';

// An internal module of Astro, which its package does not export: imported by its path.
const WRITER = join(ROOT, 'node_modules/astro/dist/content/data-store-writer.js');
const { chunkString } = (await import(pathToFileURL(WRITER).href)) as {
  chunkString: (text: string, maxBytes: number) => string[];
};

/**
 * What Astro's chunked data store must do with a string: cut it, between code points, into chunks
 * of at most `maxBytes` of UTF-8 (a code point bigger than that alone makes a chunk of its own).
 */
function expectedChunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (chunk !== '' && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += char;
    bytes += size;
    if (bytes >= maxBytes) {
      chunks.push(chunk);
      chunk = '';
      bytes = 0;
    }
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks;
}

// patches/astro+7.3.5.patch (docs/patches.md).
describe("Astro's chunked data store, as patched (patches/astro+7.3.5.patch)", () => {
  it('measures a string that fits in one chunk at once, instead of encoding it a character at a time', () => {
    // Unpatched, finding a chunk's end encodes every character on its own (about 1 µs each): this
    // test fails without the patch. The whole store fits in one chunk up to tens of thousands of articles.
    const text = 'Türkiye, Zelenskyy, «Istanbul» — “talks” 🇺🇦 '.repeat(2_000);
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    try {
      expect(chunkString(text, 20 * 1024 * 1024)).toEqual([text]);
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
  });

  it('cuts strings exactly where the character-by-character rule cuts them', () => {
    const samples = [
      '',
      'plain ASCII text of some length',
      'Türkiye, Zelenskyy, «Istanbul» — “talks”',
      'emoji 🇺🇦🇹🇷 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral characters',
      'lone surrogates \uD800 and \uDFFF in text',
      'ё'.repeat(50),
      '😀'.repeat(20),
    ];
    for (const text of samples) {
      for (const maxBytes of [1, 2, 3, 4, 5, 7, 16, 64, 1024]) {
        const chunks = chunkString(text, maxBytes);
        expect(chunks, `${JSON.stringify(text)} in chunks of ${maxBytes} bytes`).toEqual(
          expectedChunks(text, maxBytes),
        );
        expect(chunks.join('')).toBe(text);
      }
    }
  });
});
