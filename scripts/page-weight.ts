/**
 * Prints what a built page weighs: its HTML, the stylesheets it links, and any scripts, raw and
 * gzipped. `node scripts/page-weight.ts [built folder] [page path]`; defaults: `dist`, the first explainer.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of a page and of what it loads, raw and gzipped (level 9). */
export interface PageWeight {
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number; files: number };
  scripts: number;
}

const size = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

/** Weighs the page at `path` (such as `articles/x/`) in the built site `root`, with the base path `base`. */
export function weighPage(root: string, path: string, base = '/'): PageWeight {
  const html = readFileSync(join(root, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
  const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) =>
    readFileSync(join(root, match[1]!.slice(base.length)), 'utf8'),
  );
  const css = size(sheets.join(''));
  return {
    html: size(html),
    css: { ...css, files: sheets.length },
    scripts: [...html.matchAll(/<script\b/g)].length,
  };
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? 'dist');
  const path = process.argv[3] ?? 'articles/zelensky-invites-putin-to-turkiye/';
  const weight = weighPage(root, path);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${path}
  HTML  ${kb(weight.html.raw)} raw, ${kb(weight.html.gzip)} gzip (inline <style> included)
  CSS   ${kb(weight.css.raw)} raw, ${kb(weight.css.gzip)} gzip in ${weight.css.files} linked file(s)
  total ${kb(weight.html.raw + weight.css.raw)} raw, ${kb(weight.html.gzip + weight.css.gzip)} gzip
  script elements: ${weight.scripts}`);
}
