import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/** Every article, loaded by Astro's own glob loader with no schema: no validation at all. */
export const collections = {
  articles: defineCollection({
    loader: glob({
      pattern: ['**/*.md', '!**/_*'],
      base: process.env.SOURCED_ARTICLES_DIR ?? '../../content/articles',
    }),
  }),
};
