import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { articleDataText, type ArticleDataTask } from '../publishing/article-data.ts';
import { openDataUrlsFor } from '../publishing/open-data.ts';
import { siteUrl } from '../site/addresses.ts';
import { historyOf, storedArticleFile } from '../site/published.ts';

/**
 * `/articles/<slug>.json` on the dev server, which the sourced() integration (sourced.ts) adds to
 * `npm run dev` only: a build writes these files after the pages (write-open-data.ts), from the
 * same text (articleDataText). One article's metadata, claims (with their status history), sources
 * (with their lock entries), timeline and corrections, read from its stored file.
 */
export const getStaticPaths = (async () =>
  Promise.all(
    (await getCollection('articles')).map(async (entry) => ({
      params: { slug: entry.id },
      props: {
        slug: entry.id,
        stored: storedArticleFile(entry),
        historyFile: (await historyOf(entry.id))?.stored,
      } satisfies ArticleDataTask,
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<ArticleDataTask> = ({ props }) =>
  new Response(articleDataText(props, openDataUrlsFor(siteUrl())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
