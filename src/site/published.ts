import { fileURLToPath } from 'node:url';
import { cacheDir } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  articleStoreDir,
  historyStoreDir,
  readStored,
  storedFile,
  type StoredArticle,
} from '../astro/article-store.ts';
import { articleKey } from '../astro/published-record.ts';
import { newestFirst } from './articles.ts';

/** A published article as listings see it: its id (the page address part) and its summary. */
export type ArticleListing = CollectionEntry<'articles'>;

/** Every published article's summary (drafts are never in the collection), newest first: the order of every listing. */
export async function articlesNewestFirst(): Promise<ArticleListing[]> {
  return newestFirst(await getCollection('articles'));
}

/** What an article shows in a listing depends only on its text: its id and digest stand for it. */
export const listingKey = (entry: ArticleListing): string => `${entry.id}\0${entry.digest ?? ''}`;

type HistoryEntry = CollectionEntry<'history'>;
let built: Promise<Record<string, HistoryEntry>> | undefined;

/**
 * Every article's `history` entry, by slug. An article not yet committed has none, and is simply
 * absent here: `getEntry` would print "Entry history → <slug> was not found" for it, a warning no
 * one can act on. A build reads the collection once; `npm run dev` reads it each time, since a
 * commit made while it runs adds entries.
 */
function histories(): Promise<Record<string, HistoryEntry>> {
  const read = async () => Object.fromEntries((await getCollection('history')).map((entry) => [entry.id, entry]));
  if (import.meta.env.DEV) return read();
  return (built ??= read());
}

/**
 * The site's cache folder as this build or dev server has it. The data store names each stored
 * file (src/astro/article-store.ts), never its path, so that it stays right wherever the project
 * and its cache folder are: the path is made here, when a page reads the file.
 */
const CACHE_DIR = fileURLToPath(cacheDir);

/** The file holding a published article's full frontmatter and rendered body. */
export const storedArticleFile = (entry: ArticleListing): string =>
  storedFile(articleStoreDir(CACHE_DIR), entry.data.stored);

/** Reads a published article's full frontmatter and rendered body (only its own page and JSON files need them). */
export const readArticle = (entry: ArticleListing): StoredArticle => readStored(storedArticleFile(entry));

/**
 * Where an article's history from git is kept (the `history` collection) and its digest, or
 * undefined outside git. Pages pass the file on and read it (readHistory) only when they render:
 * a page copied from the last build reads nothing.
 */
export async function historyOf(slug: string): Promise<{ stored: string; digest: string | undefined } | undefined> {
  const entry = (await histories())[slug];
  if (!entry) return undefined;
  return {
    stored: storedFile(historyStoreDir(CACHE_DIR), String(entry.data['stored'])),
    digest: entry.digest === undefined ? undefined : String(entry.digest),
  };
}

/**
 * The `cacheKey` of a page that shows an article and its history (the article's page and JSON,
 * its history page and data): when the digests of both are the last build's, Astro copies the page
 * from that build (astro.config.mjs). No key, and the page made every time, without the article's digest.
 */
export const articleCacheKey = (
  entry: ArticleListing,
  history: { digest: string | undefined } | undefined,
): { cacheKey?: string } => (entry.digest === undefined ? {} : { cacheKey: articleKey(entry.digest, history?.digest) });

/** Reads the history a `history` entry points to (historyOf). */
export { readHistory } from '../astro/article-store.ts';
