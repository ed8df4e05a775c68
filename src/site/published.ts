import { getCollection, getEntry } from 'astro:content';
import type { ArticleHistory } from '../history/article-history.ts';
import { byNewestFirst, type PublishedArticle } from './articles.ts';

/** An article's history from git (the `history` collection), or undefined outside git. */
export async function historyOf(slug: string): Promise<{ history: ArticleHistory; digest: string | undefined } | undefined> {
  const entry = await getEntry('history', slug);
  return entry ? { history: entry.data as ArticleHistory, digest: entry.digest === undefined ? undefined : String(entry.digest) } : undefined;
}

/** Every published article (drafts are never in the collection), newest first, with its history. */
export async function publishedArticles(): Promise<PublishedArticle[]> {
  const entries = (await getCollection('articles')).sort(byNewestFirst);
  const histories = new Map((await getCollection('history')).map((entry) => [entry.id, entry.data as ArticleHistory]));
  return entries.map((entry) => ({ slug: entry.id, article: entry.data, history: histories.get(entry.id) }));
}
