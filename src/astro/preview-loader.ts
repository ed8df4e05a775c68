import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ARTICLES_DIR, badSlugReason, listArticleFiles, slugOf } from '../format/article-files.ts';
import type { Article } from '../format/index.ts';
import { checkArticle } from '../checker/check-article.ts';
import type { Diagnostic } from '../checker/diagnostic.ts';
import { registriesOf } from '../checker/registries.ts';
import { renderArticle } from './render-article.ts';

/**
 * What `npm run dev` shows at the address of an article that is not published: a draft, rendered
 * as it will be, or the problems that keep an article off the site.
 */
export type Preview = { kind: 'draft'; article: Article } | { kind: 'problems'; problems: Diagnostic[] };

/**
 * Astro content loader for the `previews` collection: under `astro dev` only (a build leaves it
 * empty), every draft without errors, rendered, and every article with errors, with its problems.
 * Published articles are the `articles` collection's (article-loader.ts), never here.
 */
export function previewLoader(
  options: { /** Folder of the articles, relative to the project root or absolute. */ base?: string } = {},
): Loader {
  return {
    name: 'sourced-previews',
    async load({ config, store, watcher, generateDigest, logger }) {
      // Without a watcher this is a build: nothing that is not published may reach it.
      if (!watcher) return;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base ?? ARTICLES_DIR);
      const sync = async () => {
        const seen = new Set<string>();
        const registries = registriesOf(dir, root);
        for (const path of listArticleFiles(dir)) {
          const full = join(dir, path);
          const file = relative(root, full);
          const slug = slugOf(path);
          const text = readFileSync(full, 'utf8');
          const digest = generateDigest(text);
          const checked = checkArticle(file, text, { registries: registries?.index });
          const slugProblem = badSlugReason(path);
          const problems: Diagnostic[] = [
            ...(slugProblem
              ? [{ file, line: 1, column: 1, severity: 'error' as const, rule: 'file-name', message: slugProblem }]
              : []),
            ...checked.diagnostics,
          ];
          if (problems.some((problem) => problem.severity === 'error')) {
            seen.add(slug);
            store.set({ id: slug, data: { kind: 'problems', problems } satisfies Preview, digest, filePath: file });
          } else if (checked.article?.draft) {
            seen.add(slug);
            if (store.get(slug)?.digest === digest) continue;
            // Rendered as it will be published: by the site's Markdown pipeline, from the check's tree.
            const { html, headings, citations, words } = await renderArticle(
              { article: checked.article, body: checked.body, tree: checked.tree },
              registries,
            );
            store.set({
              id: slug,
              data: { kind: 'draft', article: checked.article } satisfies Preview,
              digest,
              filePath: file,
              rendered: { html, metadata: { headings, frontmatter: { citations, words } } },
            });
          }
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      watcher.add(dir);
      const onChange = (path: string) => {
        if (path.startsWith(dir)) sync().catch((error: unknown) => logger.error(String(error)));
      };
      watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}
