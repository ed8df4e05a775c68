import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewestFirst } from './articles.ts';

/** A published article as listings see it: its id (the page address part) and its summary. */
export type ArticleListing = CollectionEntry<'articles'>;

/** Every published article's summary (drafts are never in the collection), newest first. */
export async function publishedSummaries(): Promise<ArticleListing[]> {
  return (await getCollection('articles')).sort(byNewestFirst);
}
