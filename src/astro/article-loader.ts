import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ARTICLES_DIR, listArticleFiles, slugOf } from '../format/article-files.ts';
import { checkerVersion } from '../checker/check-cache.ts';
import { CachedChecker, PARALLEL_FROM, type ReadFile } from '../checker/check-files.ts';
import { formatText, sortDiagnostics, type Diagnostic } from '../checker/diagnostic.ts';
import { codeVersion } from '../infra/module-graph.ts';
import { ArticlePool } from './article-pool.ts';
import { recordPublished } from './published-record.ts';
import { articleStoreDir, hasStored, pruneStored, storedFile } from './article-store.ts';
import { articleLockPath } from '../sources/lock-path.ts';
import { findRegistryDir, registryTexts } from '../checker/registries.ts';
import { publishArticle, type ArticleResult, type ArticleTask } from './render-article.ts';

/** How many checks may run ahead of rendering. */
const POOL_AHEAD = 32;

/** Thrown when articles have errors; its message lists each one as `file:line:column  error  rule  message`. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

/**
 * Astro content loader for `content/articles/`. Each article goes through the same check as
 * `npm run check` and is rendered by the site's Markdown pipeline (src/markdown/pipeline.ts) from
 * the tree the check parsed. Unlike Astro's glob loader,
 * an error in any article (including one thrown while rendering) fails the build: no article is
 * published empty or left out. Drafts are checked but never stored, so they reach no page.
 * Unchanged files (same digest) keep their stored result, so a rebuild renders only what changed.
 *
 * Astro's data store keeps only each article's summary (what listings show); the full frontmatter
 * and the rendered HTML go to one file per article in Astro's cache folder (article-store.ts), read
 * by the article's own page. The store thus stays small at any archive size: Astro serialises it
 * as one string, which V8 caps near 512 MB. An entry names its file, never its path: an entry whose
 * file is missing or unreadable is rendered again (article-store.ts).
 */
export function articleLoader(
  options: { /** Folder of the articles, relative to the project root or absolute. */ base?: string } = {},
): Loader {
  return {
    name: 'sourced-articles',
    async load(context) {
      const { config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base ?? ARTICLES_DIR);

      const sync = async () => {
        const storeDir = articleStoreDir(fileURLToPath(config.cacheDir));
        const { errors, warnings, rendered, unchanged, fromCache, threads } = await syncArticles(
          context,
          root,
          dir,
          storeDir,
        );
        // The benchmark reads this line to prove that a rebuild renders only the changed articles.
        logger.info(
          `${rendered} ${rendered === 1 ? 'article' : 'articles'} rendered, ${unchanged} unchanged, ${fromCache} check ${fromCache === 1 ? 'result' : 'results'} from the cache${threads > 0 ? ` (on ${threads} worker threads)` : ''}`,
        );
        if (errors.length === 0) {
          // For the steps after the pages (the sourced() integration): each article's JSON file.
          recordPublished('articles', context.store.values());
          return;
        }
        // Every problem of the articles checked, errors and warnings, in the order `npm run check` gives them.
        const message = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in articles; nothing was published:\n${sortDiagnostics(
          [...errors, ...warnings],
        )
          .map(formatText)
          .join('\n')}`;
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
 * pipeline's and its parser's whole module graphs (the plugins and every project module they
 * import, src/format included), the site config and its imports, package-lock.json (remark,
 * rehype-slug and the rest), and the checker's version (the entry's data is the checker's output).
 * Computed from the files on every build, never bumped by hand: a change to any of them renders
 * every article again.
 */
export function renderVersion(root: string): string {
  const entries = ['src/markdown/pipeline.ts', 'src/markdown/parse-body.ts', 'astro.config.mjs'].map((path) =>
    join(root, path),
  );
  const pipeline = codeVersion(root, entries, ['package-lock.json']);
  return `${pipeline}.${checkerVersion()}`;
}

async function syncArticles(
  { store, generateDigest }: LoaderContext,
  root: string,
  dir: string,
  storeDir: string,
): Promise<{
  errors: Diagnostic[];
  warnings: Diagnostic[];
  rendered: number;
  unchanged: number;
  fromCache: number;
  threads: number;
}> {
  const errors: Diagnostic[] = [];
  /** The warnings of the articles checked in this run, said with the errors when there are any. */
  const warnings: Diagnostic[] = [];
  const seen = new Set<string>();
  let rendered = 0;
  let unchanged = 0;
  let fromCache = 0;
  // First every file is read and compared with its stored digest. The changed ones are then read
  // again in turn and looked up in the check cache (`npm run build` has just filled it); each is
  // checked if need be and rendered on worker threads (article-pool.ts), while this thread stores
  // the results. Only a bounded number of texts and results is held at once, whatever the size of
  // the archive; the summaries go to the data store together at the end (see below).
  // The registries name each source's publisher on the page, so a change to them renders every article again.
  const registryDir = findRegistryDir(dir);
  const version = `${renderVersion(root)}\n${registryDir === undefined ? '' : registryTexts(registryDir)}`;
  const checker = new CachedChecker(undefined, { content: true });
  const changed: {
    path: string;
    full: string;
    slug: string;
    digest: string;
    /** Started when its turn comes near, and dropped once stored. */
    result?: Promise<ArticleResult> | undefined;
  }[] = [];
  for (const path of listArticleFiles(dir)) {
    const full = join(dir, path);
    const slug = slugOf(path);
    // The page and the article's JSON show the sources' lock file too: a new lock makes them again.
    const lockFile = articleLockPath(full, path);
    const lock = existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : '';
    const digest = generateDigest(`${version}\n${readFileSync(full, 'utf8')}\n${lock}`);
    const existing = store.get(slug);
    if (existing?.digest === digest && hasStored(storedFile(storeDir, String(existing.data['stored'])))) {
      unchanged++;
      seen.add(slug);
      continue;
    }
    changed.push({ path, full, slug, digest });
  }
  const read = ({ path, full }: { path: string; full: string }): ReadFile => ({
    path,
    full,
    file: relative(root, full),
    text: readFileSync(full, 'utf8'),
  });
  // Worker threads pay off only when enough articles are to be done to repay their start.
  const pool = changed.length >= PARALLEL_FROM && availableParallelism() > 1 ? new ArticlePool() : undefined;
  const publish = (task: ArticleTask) => (pool ? pool.publish(task) : publishArticle(task));
  const start = (item: (typeof changed)[number]): Promise<ArticleResult> => {
    const file = read(item);
    const common = { digest: item.digest, storeDir, dir, root };
    const hit = checker.cached(file);
    if (hit) {
      fromCache++;
      return publish({ checked: hit, ...common });
    }
    // A check done with the rendering goes to the check cache as well.
    let result: ArticleResult | undefined;
    return checker
      .checkWith(file, async (toCheck) => {
        result = await publish({ file: toCheck, ...common });
        return result.checked;
      })
      .then((checked) => result ?? { checked });
  };
  // Each store.set() makes Astro write its whole data store again half a second after the last
  // one, on this thread, and a write takes longer the larger the archive (about 30 s at 50,000
  // articles): sets spread over the sync kept this thread writing instead of handing articles to the
  // workers. The summaries (about 1 KB each) are set together once every article is done.
  const summaries: { id: string; data: Record<string, unknown>; filePath: string; digest: string }[] = [];
  try {
    let submitted = 0;
    for (const [index, item] of changed.entries()) {
      // Keep a bounded number of articles ahead of storing, so results do not pile up in memory.
      for (; submitted < changed.length && submitted <= index + POOL_AHEAD; submitted++)
        changed[submitted]!.result = start(changed[submitted]!);
      const { checked, summary, renderError } = await item.result!;
      item.result = undefined;
      for (const diagnostic of checked.diagnostics)
        (diagnostic.severity === 'error' ? errors : warnings).push(diagnostic);
      if (renderError !== undefined) {
        errors.push({
          file: checked.file,
          line: checked.bodyLine ?? 1,
          column: 1,
          severity: 'error',
          rule: 'render-failed',
          message: `Rendering the article failed: ${renderError}; nothing was published.`,
        });
      }
      if (!summary) continue;
      seen.add(item.slug);
      summaries.push({
        id: item.slug,
        data: summary as unknown as Record<string, unknown>,
        filePath: checked.file,
        digest: item.digest,
      });
      rendered++;
    }
  } finally {
    await pool?.close();
  }
  for (const entry of summaries) store.set(entry);
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  // Only after a clean run: a failed build keeps its last data store, whose entries point to these files.
  if (errors.length === 0)
    pruneStored(storeDir, new Set([...store.values()].map((entry) => String(entry.data['stored']))));
  return { errors, warnings, rendered, unchanged, fromCache, threads: pool?.threads ?? 0 };
}
