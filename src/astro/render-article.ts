import type { Root } from 'mdast';
import type { CheckedFile, FileToCheck } from '../checker/check-file.ts';
import { checkArticleFileWithTree } from '../checker/check-file.ts';
import { registriesOf, type CheckedRegistries } from '../checker/registries.ts';
import { summarizeArticle, type Article, type ArticleSummary } from '../format/index.ts';
import { parseBody } from '../markdown/parse-body.ts';
import { renderBody, type RenderBody, type RenderedBody } from '../markdown/pipeline.ts';
import { storedFile, storedName, writeStored } from './article-store.ts';
import { sourcesToRender } from './registry-loader.ts';

/** One article to publish: its file to check, or its check result from the check cache. */
export interface ArticleTask {
  /** The file, read, to check (when the check cache has no result for it). */
  file?: FileToCheck;
  /** Its stored check result, with its data and body (when the check cache has one). */
  checked?: CheckedFile;
  /** The article's digest, which names its stored file. */
  digest: string;
  /** The folder of stored articles (article-store.ts). */
  storeDir: string;
  /** The articles folder and the project root, for its registries. */
  dir: string;
  root: string;
}

/** What publishing one article gave. */
export interface ArticleResult {
  checked: CheckedFile;
  /** Its summary for the data store, when it was rendered and stored. */
  summary?: ArticleSummary;
  /** Why rendering failed (the article must then fail the build). */
  renderError?: string;
}

/**
 * Renders an article's body with the site's Markdown pipeline (src/markdown/pipeline.ts), its
 * sources' publishers named as the registries name them. `tree` is the body as the checker parsed
 * it (parseBody); without it, the body is parsed here. Used for published articles and for drafts
 * previewed by `npm run dev`.
 */
export function renderArticle(
  { article, body, tree }: { article: Article; body: string; tree?: Root | undefined },
  registries: CheckedRegistries | undefined,
  /** The site's renderer; tests give one with a plugin that throws. */
  render: RenderBody = renderBody,
): Promise<RenderedBody> {
  return render(tree ?? parseBody(body), {
    sources: sourcesToRender(article.sources, registries),
    claims: article.claims,
  });
}

/**
 * Checks an article (unless its check result is given), renders its body from the tree the check
 * parsed (or, for a result from the check cache, from the body parsed again), and stores the result
 * (article-store.ts). An article with errors, or a draft, is only checked. The same on the content
 * loader's thread and on its worker threads.
 */
export async function publishArticle(task: ArticleTask, render: RenderBody = renderBody): Promise<ArticleResult> {
  const { checked, tree } = task.checked
    ? { checked: task.checked, tree: undefined }
    : checkArticleFileWithTree(task.file!);
  const { article } = checked;
  if (!article || article.draft || checked.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
    return { checked };
  const registries = registriesOf(task.dir, task.root);
  try {
    const { html, headings, citations, words } = await renderArticle(
      { article, body: checked.body!, tree },
      registries,
      render,
    );
    const name = storedName(task.digest);
    writeStored(storedFile(task.storeDir, name), { article, html, headings, citations, words });
    return { checked, summary: summarizeArticle(article, name, registries?.publishers) };
  } catch (error) {
    return { checked, renderError: (error as Error).message.split('\n').pop() ?? String(error) };
  }
}
