import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Writes `html` to `path` inside the built site `site`, creating its folders. */
export function writePage(site: string, path: string, html: string): void {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), html);
}

/** A built article page as the site renders it, for the search index: only its `<article>` carries `data-pagefind-body`. */
export const searchArticlePage = (title: string, words: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title} | Sourced</title></head><body><header>Sourced menu</header>` +
  `<main><article data-pagefind-body><h1>${title}</h1><p>${words}</p></article></main></body></html>`;

/** A built listing page: no `data-pagefind-body`, so search leaves it out, even when it names the attribute in its text. */
export const searchListingPage = (words: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>Listing</title></head><body><main><p>${words}</p></main></body></html>`;

/** A finished build of a fixture site. */
export interface BuiltSite {
  status: number | null;
  output: string;
  outDir: string;
  /** Reads a built file, such as `articles/talks/index.html`. */
  read(path: string): string;
}

/**
 * A new empty folder for build output inside the project. Astro keeps a build's prerender chunks in
 * `<outDir>/.prerender` only when the output folder is inside the project; elsewhere they go to the
 * shared `.astro/`, where builds running side by side would overwrite each other's.
 */
export function buildDir(prefix = 'build-'): string {
  const parent = join(ROOT, 'node_modules/.cache/sourced-tests');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, prefix));
}

/** Writes articles (file name -> text) into a new temporary folder and returns it. */
export function writeArticles(articles: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-articles-'));
  for (const [name, text] of Object.entries(articles)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * Writes a content folder: the registries (`topics.yaml`, `authors.yaml`, `publishers.yaml`, as
 * YAML text) and the articles (file name -> text) in its `articles/` folder. Returns the articles
 * folder, whose articles are checked and published against those registries.
 */
export function writeContent(
  articles: Record<string, string>,
  registries: { topics: string; authors: string; publishers: string },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-content-'));
  for (const [name, text] of Object.entries(registries)) writeFileSync(join(dir, `${name}.yaml`), text);
  for (const [name, text] of Object.entries(articles)) {
    mkdirSync(dirname(join(dir, 'articles', name)), { recursive: true });
    writeFileSync(join(dir, 'articles', name), text);
  }
  return join(dir, 'articles');
}

/** Runs a build step (a script and its arguments) in a child process, over `articlesDir`, with a cache of its own. */
function runBuild(args: string[], articlesDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SOURCED_ARTICLES_DIR: articlesDir,
      SOURCED_CACHE_DIR: join(buildDir('cache-'), 'cache'),
      ...env,
    },
    timeout: 300_000,
    // A few hundred explainers log some 0.5 MB, twice that coloured (CI=true): past spawnSync's
    // default 1 MB the child is killed and the build reads as failed with no error.
    maxBuffer: 64 * 1024 * 1024,
  });
  // Astro colours its log when CI is set, even into a pipe; tests match the plain text.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/**
 * Builds the site with `astro build` over the given articles folder, into a temporary folder (or
 * `outDir`). `config` names another Astro config file, relative to the project root.
 */
export function buildSite(
  articlesDir: string,
  options: { config?: string; outDir?: string; env?: Record<string, string> } = {},
): BuiltSite {
  const outDir = options.outDir ?? join(buildDir(), 'dist');
  const args = [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, '--root', ROOT];
  if (options.config) args.push('--config', options.config);
  return {
    ...runBuild(args, articlesDir, options.env),
    outDir,
    read: (path) => readFileSync(join(outDir, path), 'utf8'),
  };
}

/** Runs `npm run build`'s script (build into staging, report the checks, index, swap) over an articles folder into `outDir`. */
export function runBuildCommand(
  articlesDir: string,
  outDir: string,
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  return runBuild([join(ROOT, 'src/cli/build.ts'), '--out-dir', outDir], articlesDir, env);
}

/**
 * Every record of a built site's bulk file (`claims` or `sources`), in order: the NDJSON parts
 * `/data/index.json` lists, read one line a record.
 */
export function bulkRecords(site: Pick<BuiltSite, 'read'>, name: 'claims' | 'sources'): any[] {
  const index = JSON.parse(site.read('data/index.json')) as { files: Record<string, { url: string }[]> };
  return index.files[name]!.flatMap((part) => {
    const text = site.read(new URL(part.url).pathname.replace(/^.*?\/data\//, 'data/'));
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  });
}
