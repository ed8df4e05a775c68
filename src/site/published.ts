import { getCollection } from 'astro:content';
import { byNewestFirst, type PublishedArticle } from './articles.ts';

/** Every published article (drafts are never in the collection), newest first. */
export async function publishedArticles(): Promise<PublishedArticle[]> {
  const entries = (await getCollection('articles')).sort(byNewestFirst);
  return entries.map((entry) => ({ slug: entry.id, article: entry.data }));
}
