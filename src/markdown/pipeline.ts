import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkToRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { CitableClaim, CitableSource } from './attribution.ts';
import rehypeHeadingSlugs from './rehype-heading-slugs.ts';
import remarkCitations, { type CitationPlaces } from './remark-citations.ts';
import remarkWordCount from './remark-word-count.ts';

/** The remark plugins every article goes through, in order. */
export const remarkPlugins = [remarkWordCount, remarkCitations];
/** The rehype plugins every article goes through, in order. */
export const rehypePlugins = [rehypeHeadingSlugs];
/**
 * No "smart" punctuation: quotations must stay exactly as the source worded and punctuated them
 * (smartypants would turn `--` into a dash and `...` into an ellipsis), and it is a sixth of the
 * rendering time.
 */
export const smartypants = false;
/** Raw HTML never reaches a page: the checker refuses it, and the renderer drops it as a second line of defence. */
export const remarkRehype = { allowDangerousHtml: false };

/**
 * Astro's `unified()` options (astro.config.mjs), for the Markdown pages Astro renders itself
 * (content/pages/). Astro parses those with remark-parse and remark-gfm; remark-citations adds the
 * citation syntax to that parser.
 */
export const processorOptions = { remarkPlugins, rehypePlugins, remarkRehype, smartypants };

/** The data of one article the plugins read: the sources and claims its citations name (publishers as the registries name them). */
export interface BodyData {
  sources: readonly CitableSource[];
  claims: readonly CitableClaim[];
}

/** An article's body, rendered. */
export interface RenderedBody {
  html: string;
  /** Every heading: its depth, id and text (Astro's `headings` of a rendered entry). */
  headings: MarkdownHeading[];
  /** For each cited id, the anchors of its places in the body (remark-citations). */
  citations: CitationPlaces;
  /** The words of the body (remark-word-count). */
  words: number;
}

/** Renders a body from its tree (parseBody's, which it changes), for one article's sources and claims. */
export type RenderBody = (tree: Root, data: BodyData) => Promise<RenderedBody>;

/**
 * A renderer of article bodies through `plugins` (by default the site's, above): what Astro's
 * processor does after parsing a Markdown page, with the options above and nothing to collect for
 * Astro's image pipeline: the remark plugins, remark-rehype, the rehype plugins, Astro's list of
 * headings, then HTML. Its unified processor is built once, on first use; each body is a
 * `run` of the tree the caller parsed with parseBody (parse-body.ts, the parser Astro's own is held
 * to), then a `stringify`. The plugins read the article's sources and claims, and leave their
 * results, where Astro hands a page's frontmatter to them. A plugin that throws rejects the
 * promise: the caller must then publish nothing.
 */
export function bodyRenderer(
  plugins: { remarkPlugins: PluggableList; rehypePlugins: PluggableList } = processorOptions,
): RenderBody {
  let processor: Processor<Root, Root, never, never, string> | undefined;
  const build = () =>
    unified()
      .use(plugins.remarkPlugins)
      .use(remarkToRehype, { ...remarkRehype, passThrough: [] })
      .use(plugins.rehypePlugins)
      .use(rehypeHeadingIds)
      .use(rehypeStringify, { allowDangerousHtml: false })
      .freeze() as unknown as Processor<Root, Root, never, never, string>;
  return async (tree, { sources, claims }) => {
    processor ??= build();
    const frontmatter: Record<string, unknown> = { sources, claims };
    const file = new VFile({ data: { astro: { frontmatter } } });
    const html = processor.stringify(await processor.run(tree, file), file);
    return {
      html,
      headings: (file.data as { astro?: { headings?: MarkdownHeading[] } }).astro?.headings ?? [],
      citations: (frontmatter['citations'] as CitationPlaces | undefined) ?? {},
      words: (frontmatter['words'] as number | undefined) ?? 0,
    };
  };
}

/** Renders an article's body with the site's plugins (see bodyRenderer). */
export const renderBody: RenderBody = bodyRenderer();
