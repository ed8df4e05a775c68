import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { readStored } from '../astro/article-store.ts';
import type { ArticleHistory } from '../history/article-history.ts';
import { byNewestFirst } from './articles.ts';

/** A published article as listings see it: its id (the page address part) and its summary. */
export type ArticleListing = CollectionEntry<'articles'>;

/** Every published article's summary (drafts are never in the collection), newest first: the order of every listing. */
export async function articlesNewestFirst(): Promise<ArticleListing[]> {
  return (await getCollection('articles')).sort(byNewestFirst);
}

/** What an article shows in a listing depends only on its text: its id and digest stand for it. */
export const listingKey = (entry: ArticleListing): string => `${entry.id}\0${entry.digest ?? ''}`;

/** An article's history from git (the `history` collection), or undefined outside git. */
export async function historyOf(slug: string): Promise<{ history: ArticleHistory; digest: string | undefined } | undefined> {
  const entry = await getEntry('history', slug);
  if (!entry) return undefined;
  const history = readStored<ArticleHistory>(String(entry.data['stored']), 'history of the article');
  return { history, digest: entry.digest === undefined ? undefined : String(entry.digest) };
}
