import { unified, type AstroMarkdownOptions, type MarkdownRenderResult } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { CheckedFile, FileToCheck } from '../checker/check-file.ts';
import { checkArticleFileWithTree } from '../checker/check-file.ts';
import { registriesOf, type CheckedRegistries } from '../checker/registries.ts';
import { summarizeArticle, type Article, type ArticleSummary } from '../format/index.ts';
import { processorOptions } from '../markdown/pipeline.ts';
import { PARSED_TREE } from '../markdown/remark-parsed-tree.ts';
import { storedFile, writeStored } from './article-store.ts';
import { sourcesToRender } from './registry-loader.ts';

/**
 * The options Astro gives a Markdown processor besides its own (the site config's `image`,
 * `markdown.syntaxHighlight` and `markdown.shikiConfig`): plain data, so that worker threads can
 * build the same renderer.
 */
export type RendererOptions = Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig'>;

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

/** A Markdown processor as astro.config.mjs's `markdown.processor` gives it. */
export type MarkdownProcessor = Pick<ReturnType<typeof unified>, 'createRenderer'>;
type Renderer = Awaited<ReturnType<MarkdownProcessor['createRenderer']>>;
const renderers = new WeakMap<MarkdownProcessor, Promise<Renderer>>();
/** The site's processor as src/markdown/pipeline.ts defines it, which worker threads build for themselves. */
let siteProcessor: MarkdownProcessor | undefined;

/** The options Astro gives the config's Markdown processor, from the config. */
export function rendererOptionsOf(config: { image: unknown; markdown: { syntaxHighlight?: unknown; shikiConfig?: unknown } }): RendererOptions {
  return { image: config.image, syntaxHighlight: config.markdown.syntaxHighlight, shikiConfig: config.markdown.shikiConfig } as RendererOptions;
}

/**
 * Renders an article's body with `processor`, its sources' publishers named as the registries
 * name them. With `tree`, the body's tree as the checker parsed it, the body is not parsed again
 * (remark-parsed-tree.ts). Used for published articles and for drafts previewed by `npm run dev`.
 */
export async function renderArticle(
  { article, body, tree }: { article: Article; body: string; tree?: Root | undefined },
  registries: CheckedRegistries | undefined,
  options: RendererOptions,
  processor: MarkdownProcessor = (siteProcessor ??= unified(processorOptions)),
): Promise<MarkdownRenderResult> {
  const frontmatter: Record<PropertyKey, unknown> = { sources: sourcesToRender(article.sources, registries), claims: article.claims };
  if (tree) frontmatter[PARSED_TREE] = tree;
  let renderer = renderers.get(processor);
  if (!renderer) renderers.set(processor, (renderer = processor.createRenderer(options as AstroMarkdownOptions)));
  // No fileURL: Astro would then collect the body's images for its image pipeline, walking the whole
  // tree twice, but this loader stores the HTML itself, and link-target refuses the relative
  // images that pipeline would take.
  return (await renderer).render(body, { frontmatter });
}

/**
 * Checks an article (unless its check result is given), then renders its body with `processor`
 * (the config's `markdown.processor`; by default `unified(processorOptions)`, which astro.config.mjs
 * sets and worker threads build from src/markdown/pipeline.ts), and stores the result
 * (article-store.ts). A body the checker has just parsed is not parsed again: the renderer takes
 * the checker's tree. An article with errors, or a draft, is only checked. The same on the content
 * loader's thread and on its worker threads.
 */
export async function publishArticle(task: ArticleTask, options: RendererOptions, processor?: MarkdownProcessor): Promise<ArticleResult> {
  const { checked, tree } = task.checked ? { checked: task.checked, tree: undefined } : checkArticleFileWithTree(task.file!);
  const { article } = checked;
  if (!article || article.draft || checked.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { checked };
  const registries = registriesOf(task.dir, task.root);
  try {
    const output = await renderArticle({ article, body: checked.body!, tree }, registries, options, processor);
    const stored = storedFile(task.storeDir, task.digest);
    writeStored(stored, {
      article,
      html: output.code,
      headings: output.metadata.headings,
      citations: (output.metadata.frontmatter['citations'] as Record<string, string[]> | undefined) ?? {},
      words: (output.metadata.frontmatter['words'] as number | undefined) ?? 0,
    });
    return { checked, summary: summarizeArticle(article, stored, registries?.publishers) };
  } catch (error) {
    return { checked, renderError: (error as Error).message.split('\n').pop() ?? String(error) };
  }
}
