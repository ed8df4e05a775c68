import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleLoader } from './astro/article-loader.ts';
import { articlesDir } from './format/article-files.ts';
import { articleSchema, pageSchema } from './format/index.ts';

export const collections = {
  /** Pages written as Markdown, such as the methodology: `content/pages/<name>.md`. */
  pages: defineCollection({ loader: glob({ base: 'content/pages', pattern: '*.md' }), schema: pageSchema }),
  articles: defineCollection({ loader: articleLoader({ base: articlesDir() }), schema: articleSchema }),
};
