import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleLoader } from './astro/article-loader.ts';
import { articleSummarySchema, pageSchema } from './format/index.ts';

export const collections = {
  /** Pages written as Markdown, such as the methodology: `content/pages/<name>.md`. */
  pages: defineCollection({ loader: glob({ base: 'content/pages', pattern: '*.md' }), schema: pageSchema }),
  /** Each published article's summary; the full article is read by its own page (src/astro/article-store.ts). */
  articles: defineCollection({ loader: articleLoader(process.env.SOURCED_ARTICLES_DIR ? { base: process.env.SOURCED_ARTICLES_DIR } : {}), schema: articleSummarySchema }),
};
