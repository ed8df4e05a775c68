/**
 * The articles' own JSON files (`/articles/<slug>.json`). A build writes them after the pages, on a
 * worker thread (open-data.ts's writeOpenData), never as Astro pages: as pages, they took a fifth of
 * Astro's page generation at 1,000 explainers, on its one thread, most of it Astro's own work per
 * page. The dev server serves the same text (articleDataText) from src/build/article-json-route.ts.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readHistory, readStored } from '../astro/article-store.ts';
import { codeVersion } from '../infra/module-graph.ts';
import { sourceLocks } from '../site/source-locks.ts';
import { articleDataPath, dataFileText } from './data-file.ts';
import { articleRecord, openDataUrlsFor, type OpenDataUrls } from './open-data.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** One published article, as its JSON file is made from it. */
export interface ArticleDataTask {
  slug: string;
  /** The article's stored record (article-store.ts). */
  stored: string;
  /** The article's stored history, when built from a repository. */
  historyFile?: string | undefined;
  /** A key for what the file is made from (the digests of the article and of its history): the same key, the same file. */
  cacheKey?: string | undefined;
}

/** The text of an article's JSON file. */
export function articleDataText({ slug, stored, historyFile }: ArticleDataTask, urls: OpenDataUrls): string {
  const { article } = readStored(stored);
  const history = historyFile === undefined ? undefined : readHistory(historyFile);
  return dataFileText(articleRecord({ slug, article, history }, urls, sourceLocks(slug, article.sources)));
}

/** The folder, in Astro's cache folder, of the JSON files the last build wrote, each named after what made it. */
export const articleDataCacheDir = (cacheDir: string): string => join(cacheDir, 'sourced-article-data');

let version: string | undefined;

/**
 * Writes the JSON file of each article of `tasks` into the site in `siteDir`, whose home page is
 * `siteRoot`. A file made before from the same cacheKey, site address and code is taken from
 * `cacheDir` (a rebuild after one edit writes one); the others are made and kept there for the next
 * build, and files no article asked for this time are deleted.
 */
export function writeArticleData(
  siteDir: string,
  siteRoot: string,
  tasks: readonly ArticleDataTask[],
  cacheDir: string,
): { written: number; reused: number } {
  const urls = openDataUrlsFor(siteRoot);
  const folder = articleDataCacheDir(cacheDir);
  mkdirSync(folder, { recursive: true });
  version ??= codeVersion(ROOT, [join(ROOT, 'src/publishing/article-data.ts')], ['package-lock.json']);
  const keep = new Set<string>();
  let written = 0;
  let reused = 0;
  for (const task of tasks) {
    const target = join(siteDir, articleDataPath(task.slug));
    mkdirSync(dirname(target), { recursive: true });
    const cached =
      task.cacheKey === undefined
        ? undefined
        : join(
            folder,
            `${createHash('sha256').update(`${version}\0${siteRoot}\0${task.slug}\0${task.cacheKey}`).digest('base64url')}.json`,
          );
    if (cached) keep.add(cached);
    if (cached && existsSync(cached)) {
      // A copy, never a link: a later build writing into the site must not change the cache.
      copyFileSync(cached, target, constants.COPYFILE_FICLONE);
      reused++;
      continue;
    }
    const text = articleDataText(task, urls);
    writeFileSync(target, text);
    if (cached) writeFileSync(cached, text);
    written++;
  }
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
  return { written, reused };
}
