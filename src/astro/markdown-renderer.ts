import type { AstroMarkdownOptions, MarkdownRenderResult } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';

/** Renders an article body with the site's Markdown processor (`markdown.processor` in astro.config.mjs). */
export type RenderMarkdown = (body: string, frontmatter: Record<string, unknown>, fileURL: URL) => Promise<MarkdownRenderResult>;

type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

/** The site's Markdown renderer for a loader, created on first use. */
export function markdownRenderer(config: LoaderContext['config']): RenderMarkdown {
  let renderer: Renderer | undefined;
  return async (body, frontmatter, fileURL) => {
    // The same options Astro's own content layer passes; the resolved config's types are wider.
    renderer ??= await config.markdown.processor.createRenderer({
      image: config.image,
      syntaxHighlight: config.markdown.syntaxHighlight,
      shikiConfig: config.markdown.shikiConfig,
    } as AstroMarkdownOptions);
    return renderer.render(body, { frontmatter, fileURL });
  };
}
