import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleLoader } from './astro/article-loader.ts';
import { historyLoader } from './astro/history-loader.ts';
import { previewLoader } from './astro/preview-loader.ts';
import { registryLoader } from './astro/registry-loader.ts';
import { articlesDir, PAGES_DIR } from './format/article-files.ts';
import { articleSummarySchema, authorSchema, pageSchema, publisherSchema, topicSchema } from './format/index.ts';

const articles = { base: articlesDir() };

export const collections = {
  /** Pages written as Markdown, such as the methodology: `content/pages/<name>.md`. */
  pages: defineCollection({ loader: glob({ base: PAGES_DIR, pattern: '*.md' }), schema: pageSchema }),
  /** Each published article's summary; the full article is read by its own page (src/astro/article-store.ts). */
  articles: defineCollection({ loader: articleLoader(articles), schema: articleSummarySchema }),
  /** `npm run dev` only: drafts, and the problems of articles that have errors (see preview-loader.ts). */
  previews: defineCollection({ loader: previewLoader(articles) }),
  /** The registries beside the articles: `content/topics.yaml`, `authors.yaml`, `publishers.yaml`. */
  topics: defineCollection({ loader: registryLoader('topics', articles), schema: topicSchema }),
  authors: defineCollection({ loader: registryLoader('authors', articles), schema: authorSchema }),
  publishers: defineCollection({ loader: registryLoader('publishers', articles), schema: publisherSchema }),
  /** Each published article's revisions, from git (src/history/); empty outside a git repository. */
  history: defineCollection({ loader: historyLoader(articles) }),
};
