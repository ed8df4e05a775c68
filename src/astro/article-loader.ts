import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ARTICLES_DIR, listArticleFiles, slugOf } from '../format/article-files.ts';
import { checkerVersion } from '../checker/check-cache.ts';
import type { CheckedFile } from '../checker/check-file.ts';
import { CachedChecker, PARALLEL_FROM, type ReadFile } from '../checker/check-files.ts';
import { CheckPool } from '../checker/check-pool.ts';
import { formatText, type Diagnostic } from '../checker/diagnostic.ts';
import { codeVersion } from '../checker/module-graph.ts';
import { summarizeArticle } from '../format/index.ts';
import { articleStoreDir, hasStoredArticle, pruneStoredArticles, storedArticleFile, writeStoredArticle } from './article-store.ts';
import { articleLockPath } from '../sources/lock-path.ts';
import { findRegistryDir, registriesOf, registryTexts } from '../checker/registries.ts';
import { markdownRenderer, type RenderMarkdown } from './markdown-renderer.ts';
import { sourcesToRender } from './registry-loader.ts';

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
 *
 * Astro's data store keeps only each article's summary (what listings show); the full frontmatter
 * and the rendered HTML go to one file per article in Astro's cache folder (article-store.ts), read
 * by the article's own page. The store thus stays small at any archive size: Astro serialises it
 * as one string, which V8 caps near 512 MB.
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
        const storeDir = articleStoreDir(fileURLToPath(config.cacheDir));
        const { errors, rendered, unchanged, fromCache } = await syncArticles(context, root, dir, storeDir, render);
        // The benchmark reads this line to prove that a rebuild renders only the changed articles.
        logger.info(
          `${rendered} ${rendered === 1 ? 'article' : 'articles'} rendered, ${unchanged} unchanged, ${fromCache} check ${fromCache === 1 ? 'result' : 'results'} from the cache`,
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
 * The version of everything an article's stored entry depends on besides its text: the Markdown
 * pipeline's whole module graph (the plugins and every project module they import, src/format
 * included), the site config and its imports, package-lock.json (remark, rehype-slug and the rest),
 * and the checker's version (the entry's data is the checker's output). Computed from the files on
 * every build, never bumped by hand: a change to any of them renders every article again.
 */
export function renderVersion(root: string): string {
  const pipeline = codeVersion(root, [join(root, 'src/markdown/pipeline.ts'), join(root, 'astro.config.mjs')], ['package-lock.json']);
  return `${pipeline}.${checkerVersion()}`;
}

async function syncArticles(
  { store, generateDigest }: LoaderContext,
  root: string,
  dir: string,
  storeDir: string,
  render: RenderMarkdown,
): Promise<{ errors: Diagnostic[]; rendered: number; unchanged: number; fromCache: number }> {
  const errors: Diagnostic[] = [];
  const seen = new Set<string>();
  let rendered = 0;
  let unchanged = 0;
  let fromCache = 0;
  // First every file is read and compared with its stored digest. The changed ones are then read
  // again in turn, looked up in the check cache (`npm run build` has just filled it), and those
  // still to check start on worker threads (check-pool.ts) while this thread renders: checking is a
  // third of the work per article and would otherwise run on the same core as rendering. Only a
  // bounded number of texts and results is held at once, whatever the size of the archive.
  // The registries name each source's publisher on the page, so a change to them renders every article again.
  const registryDir = findRegistryDir(dir);
  const registries = registriesOf(dir, root);
  const version = `${renderVersion(root)}\n${registryDir === undefined ? '' : registryTexts(registryDir)}`;
  const checker = new CachedChecker(undefined, { content: true });
  const changed: {
    path: string;
    full: string;
    slug: string;
    digest: string;
    /** Read when its turn comes near, and dropped once checked. */
    file?: ReadFile | undefined;
    checked?: CheckedFile | Promise<CheckedFile> | undefined;
  }[] = [];
  for (const path of listArticleFiles(dir)) {
    const full = join(dir, path);
    const slug = slugOf(path);
    // The page and the article's JSON show the sources' lock file too: a new lock makes them again.
    const lockFile = articleLockPath(full, path);
    const lock = existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : '';
    const digest = generateDigest(`${version}\n${readFileSync(full, 'utf8')}\n${lock}`);
    const existing = store.get(slug);
    if (existing?.digest === digest && hasStoredArticle(String(existing.data['stored']))) {
      unchanged++;
      seen.add(slug);
      continue;
    }
    changed.push({ path, full, slug, digest });
  }
  const read = ({ path, full }: { path: string; full: string }): ReadFile => ({ path, full, file: relative(root, full), text: readFileSync(full, 'utf8') });
  let pool: CheckPool | undefined;
  let submitted = 0;
  try {
    for (const [index, item] of changed.entries()) {
      // Keep a bounded number of checks ahead of rendering, so results do not pile up in memory.
      for (; submitted < changed.length && submitted <= index + POOL_AHEAD; submitted++) {
        const next = changed[submitted]!;
        const file = read(next);
        const hit = checker.cached(file);
        if (hit) fromCache++;
        // Worker threads start at the first miss, when enough articles remain to repay their start.
        if (!hit && !pool && changed.length - submitted >= PARALLEL_FROM && availableParallelism() > 1) pool = new CheckPool({ threads: availableParallelism() - 1 });
        if (hit || pool) next.checked = hit ?? checker.check(file, pool);
        else next.file = file;
      }
      const { slug, digest } = item;
      const checked = await (item.checked ?? checker.check(item.file ?? read(item)));
      item.checked = undefined;
      item.file = undefined;
      const problems = checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      errors.push(...problems);
      if (problems.length > 0 || !checked.article || checked.article.draft) continue;
      try {
        const frontmatter: Record<string, unknown> = { sources: sourcesToRender(checked.article.sources, registries), claims: checked.article.claims };
        const output = await render(checked.body!, frontmatter, pathToFileURL(item.full));
        const stored = storedArticleFile(storeDir, digest);
        writeStoredArticle(stored, {
          article: checked.article,
          html: output.code,
          headings: output.metadata.headings,
          citations: output.metadata.frontmatter.citations ?? {},
          words: output.metadata.frontmatter.words ?? 0,
        });
        seen.add(slug);
        store.set({ id: slug, data: summarizeArticle(checked.article, stored, registries?.publishers), filePath: checked.file, digest });
        rendered++;
      } catch (error) {
        errors.push({
          file: checked.file,
          line: checked.bodyLine ?? 1,
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
  // Only after a clean run: a failed build keeps its last data store, whose entries point to these files.
  if (errors.length === 0) pruneStoredArticles(storeDir, new Set([...store.values()].map((entry) => String(entry.data['stored']))));
  return { errors, rendered, unchanged, fromCache };
}
