import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewestFirst, type PublishedArticle } from './articles.ts';

/** Every published article's entry (drafts are never in the collection), newest first: the order of every listing. */
export async function articlesNewestFirst(): Promise<CollectionEntry<'articles'>[]> {
  return (await getCollection('articles')).sort(byNewestFirst);
}

/** Every published article, newest first. */
export async function publishedArticles(): Promise<PublishedArticle[]> {
  return (await articlesNewestFirst()).map((entry) => ({ slug: entry.id, article: entry.data }));
}
