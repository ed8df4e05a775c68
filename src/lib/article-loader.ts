import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ARTICLES_DIR, badSlugReason, listArticleFiles, slugOf } from './article-files.ts';
import { checkArticle } from './check-article.ts';
import { formatText, type Diagnostic } from './diagnostic.ts';

/** Bump when rendering changes, so that cached pages are rendered again. */
const RENDER_VERSION = '1';

type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

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
      let renderer: Renderer | undefined;
      const render = async (body: string, frontmatter: Record<string, unknown>, fileURL: URL) => {
        renderer ??= await config.markdown.processor.createRenderer({
          image: config.image,
          syntaxHighlight: config.markdown.syntaxHighlight,
          shikiConfig: config.markdown.shikiConfig,
        });
        return renderer.render(body, { frontmatter, fileURL });
      };

      const sync = async () => {
        const errors = await syncArticles(context, root, dir, render);
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

async function syncArticles(
  { store, generateDigest }: LoaderContext,
  root: string,
  dir: string,
  render: (body: string, frontmatter: Record<string, unknown>, fileURL: URL) => Promise<{ code: string; metadata: { headings: unknown[]; frontmatter: Record<string, unknown> } }>,
): Promise<Diagnostic[]> {
  const errors: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const path of listArticleFiles(dir)) {
    const full = join(dir, path);
    const file = relative(root, full);
    const slug = slugOf(path);
    const text = readFileSync(full, 'utf8');
    const digest = generateDigest(`${RENDER_VERSION}\n${text}`);
    const existing = store.get(slug);
    if (existing?.digest === digest) {
      seen.add(slug);
      continue;
    }
    const slugProblem = badSlugReason(path);
    if (slugProblem) errors.push({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: slugProblem });
    const checked = checkArticle(file, text);
    const problems = checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    errors.push(...problems);
    if (problems.length > 0 || slugProblem || !checked.article || checked.article.draft) continue;
    try {
      const frontmatter: Record<string, unknown> = { sources: checked.article.sources, claims: checked.article.claims };
      const rendered = await render(checked.body, frontmatter, pathToFileURL(full));
      seen.add(slug);
      store.set({
        id: slug,
        data: checked.article,
        filePath: file,
        digest,
        rendered: {
          html: rendered.code,
          metadata: { headings: rendered.metadata.headings, frontmatter: { citations: rendered.metadata.frontmatter.citations } },
        },
      });
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
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  return errors;
}
