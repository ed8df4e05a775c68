import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * Relative module specifiers in TypeScript or JavaScript source: static and dynamic imports,
 * re-exports, and `new URL('./worker.ts', import.meta.url)` (a worker's entry).
 */
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+|\bnew\s+URL\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]+)\1/gm;

/** The relative specifiers one module's source names. */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[2]!);
}

/**
 * Every file of the project that `entries` load, themselves included, following relative imports
 * (packages are covered by package-lock.json instead); absolute paths, sorted. A specifier that
 * names no file is left out: the import itself fails loudly when it runs.
 */
export function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!/\.(?:[cm]?[jt]s|mjs)$/.test(file)) return;
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), specifier));
  };
  for (const entry of entries) visit(resolve(entry));
  return [...seen].sort();
}

/**
 * A version computed from code, never bumped by hand: a digest of every file `entries` load and of
 * `extra` files (such as package-lock.json or the site config), each named relative to `root`.
 * Any change to any of them gives another version.
 */
export function codeVersion(root: string, entries: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  const files = [...new Set([...moduleGraph(entries), ...extra.map((file) => resolve(root, file)).filter((file) => existsSync(file))])].sort();
  for (const file of files) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('base64url').slice(0, 22);
}
