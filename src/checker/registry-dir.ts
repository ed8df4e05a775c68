import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REGISTRY_FILES } from '../format/registry-files.ts';

// Where the registries are, and what they say, without loading their schemas: the check cache's key needs only this.

/** The nearest folder at or above `from` (a folder or a file) that holds a registry file, if any. */
export function findRegistryDir(from: string): string | undefined {
  let dir = resolve(from);
  if (dir.endsWith('.md')) dir = dirname(dir);
  for (;;) {
    if (Object.values(REGISTRY_FILES).some((name) => existsSync(join(dir, name)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The text of the registry files of `dir` (empty for a missing one), for cache keys and render digests. */
export function registryTexts(dir: string): string {
  return Object.values(REGISTRY_FILES)
    .map((name) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return '';
      }
    })
    .join('\0');
}
