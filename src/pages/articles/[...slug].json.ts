import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { articleRecord, dataFileText } from '../../publishing/open-data.ts';
import type { PublishedArticle } from '../../site/articles.ts';
import { historyOf } from '../../site/published.ts';
import { openDataUrls } from '../../publishing/open-data-urls.ts';
import { sourceLocks } from '../../site/source-locks.ts';

// Keyed by the digests of the article and of its history, like the article page: an unchanged
// article's file is copied from the last build.
export const getStaticPaths = (async () =>
  Promise.all(
    (await getCollection('articles')).map(async (entry) => {
      const found = await historyOf(entry.id);
      return {
        params: { slug: entry.id },
        props: { entry: { slug: entry.id, article: entry.data, history: found?.history } },
        ...(entry.digest === undefined ? {} : { cacheKey: `${entry.digest}:${found?.digest ?? ''}` }),
      };
    }),
  )) satisfies GetStaticPaths;

/** `/articles/<slug>.json`: one article's metadata, claims (with their status history), sources, timeline and corrections. */
export const GET: APIRoute<{ entry: PublishedArticle }> = ({ props }) =>
  new Response(dataFileText(articleRecord(props.entry, openDataUrls, sourceLocks(props.entry.slug, props.entry.article.sources))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
