import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { Article } from '../format/index.ts';
import type { ArticleHistory } from '../history/article-history.ts';

/**
 * An article as its own page and JSON file need it: the full frontmatter and the rendered body.
 * Astro's data store keeps only the article's summary (format/article-summary.ts); this record
 * lives in a file of its own, so that no string or file grows with the size of the archive.
 */
export interface StoredArticle {
  article: Article;
  html: string;
  headings: MarkdownHeading[];
  /** For each source id, the anchors of its citations in the body (remark-citations). */
  citations: Record<string, string[]>;
  words: number;
}

/** The folder of stored articles inside Astro's cache folder. */
export const articleStoreDir = (cacheDir: string): string => join(cacheDir, 'sourced-articles');

/**
 * The file of one version of a stored record (a rendered article, an article's history), named
 * after its digest: a build that fails half-way never overwrites the file an entry still points to.
 */
export const storedFile = (dir: string, digest: string): string => join(dir, `${digest.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);

/** The folder of stored article histories (src/history/) inside Astro's cache folder. */
export const historyStoreDir = (cacheDir: string): string => join(cacheDir, 'sourced-history');

/** Writes a stored record, an article or a history (creating the folder). */
export function writeStored(file: string, stored: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(stored));
}

/** Reads the stored article (or, with `what`, another stored record) an entry points to. */
export function readStored<T = StoredArticle>(file: string, what = 'rendered article'): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(
      `The ${what} ${file} cannot be read (${(error as Error).message}). It is kept in Astro's cache folder; delete the cache folder and build again.`,
    );
  }
}

/** Reads the history of an article a `history` entry points to (src/astro/history-store.ts). */
export const readHistory = (file: string): ArticleHistory => readStored<ArticleHistory>(file, 'history of the article');

/** True when the stored record exists (the cache folder may have been cleaned). */
export const hasStored = (file: string): boolean => existsSync(file);

/** Deletes every stored file of `dir` that is not in `keep`. */
export function pruneStored(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}
