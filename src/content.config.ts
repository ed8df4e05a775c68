import { defineCollection } from 'astro:content';
import { articleLoader } from './lib/article-loader.ts';
import { articleSchema } from './schemas/index.ts';

export const collections = {
  articles: defineCollection({ loader: articleLoader(process.env.SOURCED_ARTICLES_DIR ? { base: process.env.SOURCED_ARTICLES_DIR } : {}), schema: articleSchema }),
};
