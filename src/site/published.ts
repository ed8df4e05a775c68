import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewestFirst } from './articles.ts';

/** A published article as listings see it: its id (the page address part) and its summary. */
export type ArticleListing = CollectionEntry<'articles'>;

/** Every published article's summary (drafts are never in the collection), newest first: the order of every listing. */
export async function articlesNewestFirst(): Promise<ArticleListing[]> {
  return (await getCollection('articles')).sort(byNewestFirst);
}

/** What an article shows in a listing depends only on its text: its id and digest stand for it. */
export const listingKey = (entry: ArticleListing): string => `${entry.id}\0${entry.digest ?? ''}`;
