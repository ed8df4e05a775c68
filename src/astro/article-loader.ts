import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ARTICLES_DIR, badSlugReason, listArticleFiles, slugOf } from '../format/article-files.ts';
import { checkArticle, type CheckedArticle } from '../checker/check-article.ts';
import { CheckPool } from '../checker/check-pool.ts';
import { readPrechecked, textDigest } from '../checker/prechecked.ts';
import { formatText, type Diagnostic } from '../checker/diagnostic.ts';
import { findRegistryDir } from '../checker/registries.ts';
import { REGISTRY_FILES } from '../format/index.ts';
import { registriesFor, sourcesToRender } from './registry-loader.ts';
import { markdownRenderer, type RenderMarkdown } from './markdown-renderer.ts';

/** Bump when rendering changes outside src/markdown and the config (which are fingerprinted), so cached pages are rendered again. */
const RENDER_VERSION = '6';

/** Changed articles from which checking moves to worker threads (a worker takes about 0.25 s to start). */
const POOL_FROM = 64;
/** How many checks may run ahead of rendering. */
const POOL_AHEAD = 32;

/** Thrown when articles have errors; its message lists each one as `file:line:column  error  rule  message`. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

/**
 * Astro content loader for `content/articles/`. Each article goes through the same check as
 * `npm run check` and is rendered with the site's Markdown processor. Unlike Astro's glob loader,
 * an error in any article (including one thrown while rendering) fails the build: no article is
 * published empty or left out. Drafts are checked but never stored, so they reach no page.
 * Unchanged files (same digest) keep their stored result, so a rebuild renders only what changed.
 */
export function articleLoader(options: { /** Folder of the articles, relative to the project root or absolute. */ base?: string } = {}): Loader {
  return {
    name: 'sourced-articles',
    async load(context) {
      const { config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base ?? ARTICLES_DIR);
      const render = markdownRenderer(config);

      const sync = async () => {
        const { errors, rendered, unchanged, alreadyChecked } = await syncArticles(context, root, dir, render);
        // The benchmark reads this line to prove that a rebuild renders only the changed articles.
        logger.info(
          `${rendered} ${rendered === 1 ? 'article' : 'articles'} rendered, ${unchanged} unchanged, ${alreadyChecked} checked before the build`,
        );
        if (errors.length === 0) return;
        const message = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in articles; nothing was published:\n${errors.map(formatText).join('\n')}`;
        if (!watcher) throw new ArticleError(message);
        logger.error(message);
      };
      await sync();
      if (watcher) {
        watcher.add(dir);
        const onChange = (path: string) => {
          if (path.startsWith(dir)) sync().catch((error: unknown) => logger.error(String(error)));
        };
        watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
      }
    },
  };
}

/**
 * The source of what turns an article into HTML (the Markdown plugins and the site config), so that
 * an edit to a plugin renders every article again instead of serving stale cached pages.
 */
function renderingSources(root: string): string {
  const markdown = join(root, 'src/markdown');
  const files = existsSync(markdown) ? readdirSync(markdown).sort().map((name) => join(markdown, name)) : [];
  return [...files, join(root, 'astro.config.mjs')]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\0');
}

/** The text of the registry files of `dir`, for the digest of what renders an article. */
function registryTexts(dir: string): string {
  return Object.values(REGISTRY_FILES)
    .map((name) => join(dir, name))
    .map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''))
    .join('\0');
}

async function syncArticles(
  { store, generateDigest }: LoaderContext,
  root: string,
  dir: string,
  render: RenderMarkdown,
): Promise<{ errors: Diagnostic[]; rendered: number; unchanged: number; alreadyChecked: number }> {
  const errors: Diagnostic[] = [];
  const seen = new Set<string>();
  let rendered = 0;
  let unchanged = 0;
  // First every file is read and compared with its stored digest, so that the checks of the changed
  // ones can start on worker threads (check-pool.ts) while this thread renders: checking is a third
  // of the work per article and would otherwise run on the same core as rendering.
  // The registries name each source's publisher on the page, so a change to them renders every article again.
  const registryDir = findRegistryDir(dir);
  const registries = registriesFor(dir, root);
  const pipeline = generateDigest(`${renderingSources(root)}\0${registryDir === undefined ? '' : registryTexts(registryDir)}`);
  const prechecked = readPrechecked();
  let alreadyChecked = 0;
  const changed: {
    path: string;
    full: string;
    file: string;
    slug: string;
    digest: string;
    text?: string | undefined;
    /** True when `npm run build` has just checked this exact text: only its frontmatter is read again. */
    passed: boolean;
    checked?: Promise<CheckedArticle> | undefined;
  }[] = [];
  for (const path of listArticleFiles(dir)) {
    const full = join(dir, path);
    const slug = slugOf(path);
    const text = readFileSync(full, 'utf8');
    const digest = generateDigest(`${RENDER_VERSION}\n${pipeline}\n${text}`);
    const existing = store.get(slug);
    if (existing?.digest === digest) {
      unchanged++;
      seen.add(slug);
      continue;
    }
    const passed = prechecked.get(full) === textDigest(text);
    if (passed) alreadyChecked++;
    changed.push({ path, full, file: relative(root, full), slug, digest, text, passed });
  }
  const pool = changed.length - alreadyChecked >= POOL_FROM && availableParallelism() > 1 ? new CheckPool(availableParallelism() - 1) : undefined;
  let submitted = 0;
  try {
    for (const [index, item] of changed.entries()) {
      // Keep a bounded number of checks ahead of rendering, so results do not pile up in memory.
      for (; pool && submitted < changed.length && submitted <= index + POOL_AHEAD; submitted++) {
        const next = changed[submitted]!;
        if (next.passed) continue;
        next.checked = pool.check(next.file, next.text!, registries?.index);
        next.text = undefined;
      }
      const { path, full, file, slug, digest } = item;
      const slugProblem = badSlugReason(path);
      if (slugProblem) errors.push({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: slugProblem });
      const checked = item.checked ? await item.checked : checkArticle(file, item.text!, { body: !item.passed, registries: registries?.index });
      item.checked = undefined;
      item.text = undefined;
      const problems = checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      errors.push(...problems);
      if (problems.length > 0 || slugProblem || !checked.article || checked.article.draft) continue;
      try {
        // The text names each source's publisher as the registry does.
        const frontmatter: Record<string, unknown> = { sources: sourcesToRender(checked.article.sources, registries), claims: checked.article.claims };
        const output = await render(checked.body, frontmatter, pathToFileURL(full));
        seen.add(slug);
        store.set({
          id: slug,
          data: checked.article,
          filePath: file,
          digest,
          rendered: {
            html: output.code,
            metadata: {
              headings: output.metadata.headings,
              frontmatter: { citations: output.metadata.frontmatter.citations, words: output.metadata.frontmatter.words },
            },
          },
        });
        rendered++;
      } catch (error) {
        errors.push({
          file,
          line: checked.bodyLine,
          column: 1,
          severity: 'error',
          rule: 'render-failed',
          message: `Rendering the article failed: ${(error as Error).message.split('\n').pop()}; nothing was published.`,
        });
      }
    }
  } finally {
    await pool?.close();
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  return { errors, rendered, unchanged, alreadyChecked };
}
