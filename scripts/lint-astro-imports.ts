/**
 * The layer rule of .dependency-cruiser.cjs for .astro files, whose frontmatter and `<script>`
 * blocks dependency-cruiser cannot parse: no component, layout or page imports from a later stage
 * of the pipeline (scripts/pipeline-layers.cjs). Prints each violation; exit status 1 if any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

interface Layer {
  name: string;
  folders: string[];
  files?: string[];
}

/** The project being linted: the working folder, as `npm run lint` sets it. */
const ROOT = process.cwd();
const { LAYERS } = createRequire(import.meta.url)('./pipeline-layers.cjs') as { LAYERS: Layer[] };

/** Index in LAYERS of a path relative to the root (`src/site/addresses.ts`), or -1. */
function layerOf(path: string): number {
  const inSrc = path.startsWith('src/') ? path.slice(4) : undefined;
  if (inSrc === undefined) return -1;
  return LAYERS.findIndex(
    (layer) => layer.folders.some((folder) => inSrc.startsWith(`${folder}/`)) || (layer.files ?? []).includes(inSrc),
  );
}

/** The relative specifiers a .astro file imports, from its frontmatter and its `<script>` blocks. */
function importsOf(source: string): string[] {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  const code = [frontmatter, ...scripts].join('\n');
  const pattern = /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;
  return [...code.matchAll(pattern)]
    .map((match) => (match[1] ?? match[2])!)
    .filter((specifier) => specifier.startsWith('.'));
}

const astroFiles = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
  .filter((path) => path.endsWith('.astro'))
  .map((path) => `src/${path.split('\\').join('/')}`)
  .sort();

let violations = 0;
for (const file of astroFiles) {
  const from = layerOf(file);
  if (from === -1) {
    process.stderr.write(`${file}  not-in-a-layer  add its folder to LAYERS in scripts/pipeline-layers.cjs\n`);
    violations++;
    continue;
  }
  for (const specifier of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
    const to = layerOf(target);
    if (to > from) {
      process.stderr.write(
        `${file} -> ${target}  ${LAYERS[from]!.name}-imports-later-layer  ${LAYERS[from]!.name} comes before ${LAYERS[to]!.name} in the pipeline (see docs/architecture.md)\n`,
      );
      violations++;
    }
  }
}
process.stderr.write(
  `${astroFiles.length} .astro files checked: ${violations} ${violations === 1 ? 'violation' : 'violations'}\n`,
);
process.exitCode = violations > 0 ? 1 : 0;
