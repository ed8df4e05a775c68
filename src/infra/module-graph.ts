import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Relative module specifiers in TypeScript or JavaScript source: static and dynamic imports,
 * re-exports, and `new URL('./worker.ts', import.meta.url)` (a worker's entry).
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+|\bnew\s+URL\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]+)\1/gm;

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
 * The patches applied to installed packages on `npm install` (patch-package), as absolute paths: they
 * change a package's code where package-lock.json cannot show it.
 */
export function patchFiles(root: string): string[] {
  const dir = join(root, 'patches');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.patch'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A version computed from code, never bumped by hand: a digest of every file `entries` load, of
 * `extra` files (such as package-lock.json or the site config) and of every patch in `patches/`,
 * each named relative to `root`. Any change to any of them gives another version.
 */
export function codeVersion(root: string, entries: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  const files = [
    ...new Set([
      ...moduleGraph(entries),
      ...extra.map((file) => resolve(root, file)).filter((file) => existsSync(file)),
      ...patchFiles(root),
    ]),
  ].sort();
  for (const file of files)
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('base64url').slice(0, 22);
}
