import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { ArticleHistory } from '../history/article-history.ts';
import { byNewestFirst, type PublishedArticle } from './articles.ts';

/** Every published article's entry (drafts are never in the collection), newest first: the order of every listing. */
export async function articlesNewestFirst(): Promise<CollectionEntry<'articles'>[]> {
  return (await getCollection('articles')).sort(byNewestFirst);
}

/** An article's history from git (the `history` collection), or undefined outside git. */
export async function historyOf(slug: string): Promise<{ history: ArticleHistory; digest: string | undefined } | undefined> {
  const entry = await getEntry('history', slug);
  return entry ? { history: entry.data as ArticleHistory, digest: entry.digest === undefined ? undefined : String(entry.digest) } : undefined;
}

/** Every published article, newest first, with its history. */
export async function publishedArticles(): Promise<PublishedArticle[]> {
  const histories = new Map((await getCollection('history')).map((entry) => [entry.id, entry.data as ArticleHistory]));
  return (await articlesNewestFirst()).map((entry) => ({ slug: entry.id, article: entry.data, history: histories.get(entry.id) }));
}
