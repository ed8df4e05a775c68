import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { Article } from '../format/index.ts';
import type { ArticleHistory } from '../history/article-history.ts';
import { writeWhole } from '../infra/write-whole.ts';

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

/**
 * Stored records live in folders of Astro's cache folder, one file each, named after the record's
 * digest. Astro's data store keeps only the file's name (storedName), never a path: a cache folder
 * that moves with the project, or is restored elsewhere, keeps every entry right, and an entry
 * whose file is missing or unreadable (hasStored) is made again, never an error.
 */

/** The folder of stored articles inside Astro's cache folder. */
export const articleStoreDir = (cacheDir: string): string => join(cacheDir, 'sourced-articles');

/** The folder of stored article histories (src/history/) inside Astro's cache folder. */
export const historyStoreDir = (cacheDir: string): string => join(cacheDir, 'sourced-history');

/**
 * The name of the file of one version of a stored record (a rendered article, an article's
 * history), from its digest: a build that fails half-way never overwrites the file an entry still
 * points to.
 */
export const storedName = (digest: string): string => `${digest.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;

/** The stored file of that name in `dir`: the name alone, so that no other folder is ever read. */
export const storedFile = (dir: string, name: string): string => join(dir, basename(name));

/**
 * Writes a stored record, an article or a history (creating the folder), under another name first:
 * it is never seen half written. Whatever is in its way (a folder of that name, say) is removed.
 */
export function writeStored(file: string, stored: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const text = JSON.stringify(stored);
  try {
    writeWhole(file, text);
  } catch {
    rmSync(file, { recursive: true, force: true });
    writeWhole(file, text);
  }
}

/** Reads the stored article (or, with `what`, another stored record) an entry points to. */
export function readStored<T = StoredArticle>(file: string, what = 'rendered article'): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(
      `The ${what} ${file} cannot be read (${(error as Error).message}). It is kept in Astro's cache folder; build again, which makes it again.`,
    );
  }
}

/** Reads the history of an article a `history` entry points to (src/astro/history-store.ts). */
export const readHistory = (file: string): ArticleHistory => readStored<ArticleHistory>(file, 'history of the article');

/**
 * True when the stored record can be used: a file that can be read, holding what writeStored
 * writes (a JSON object, from its `{` to its `}`). A file that is missing (the cache folder was
 * cleaned, or moved without the data store), cut short or unreadable is made again instead.
 * Two bytes are read, not the whole record: a rebuild asks this of every unchanged article.
 */
export function hasStored(file: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const { size } = fstatSync(descriptor);
    if (size < 2) return false;
    const ends = Buffer.alloc(2);
    readSync(descriptor, ends, 0, 1, 0);
    readSync(descriptor, ends, 1, 1, size - 1);
    return ends.toString('latin1') === '{}';
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Deletes everything in `dir` whose name is not in `keep` (left-over partial files included). */
export function pruneStored(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
}
