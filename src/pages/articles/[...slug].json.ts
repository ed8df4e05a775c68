import { writeFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { articleDataText, type ArticleDataTask } from '../../publishing/article-data.ts';
import { openDataUrlsFor } from '../../publishing/open-data.ts';
import { siteUrl } from '../../site/addresses.ts';
import { articleCacheKey, historyOf, storedArticleFile } from '../../site/published.ts';

// Keyed by the digests of the article and of its history, like the article page: an unchanged
// article's file is copied from the last build.
export const getStaticPaths = (async () => {
  const pages = await Promise.all(
    (await getCollection('articles')).map(async (entry) => {
      const found = await historyOf(entry.id);
      return {
        params: { slug: entry.id },
        props: { slug: entry.id, stored: storedArticleFile(entry), historyFile: found?.stored },
        ...articleCacheKey(entry, found),
      };
    }),
  );
  // `npm run build` writes these files itself once Astro is done, on a thread of its own
  // (publishing/article-data.ts): here it is only told which.
  const job = process.env['SOURCED_ARTICLE_DATA_JOB'];
  if (!job) return pages;
  writeFileSync(job, `${JSON.stringify(pages.map(({ props, cacheKey }) => ({ ...props, cacheKey }) satisfies ArticleDataTask))}\n`);
  return [];
}) satisfies GetStaticPaths;

/**
 * `/articles/<slug>.json`: one article's metadata, claims (with their status history), sources
 * (with their lock entries), timeline and corrections. The full article is read from its stored file.
 */
export const GET: APIRoute<ArticleDataTask> = ({ props }) =>
  new Response(articleDataText(props, openDataUrlsFor(siteUrl())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
