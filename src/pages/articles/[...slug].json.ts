import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readStored } from '../../astro/article-store.ts';
import type { ArticleHistory } from '../../history/article-history.ts';
import { articleRecord, dataFileText } from '../../publishing/open-data.ts';
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
        props: { slug: entry.id, stored: entry.data.stored, history: found?.history },
        ...(entry.digest === undefined ? {} : { cacheKey: `${entry.digest}:${found?.digest ?? ''}` }),
      };
    }),
  )) satisfies GetStaticPaths;

/**
 * `/articles/<slug>.json`: one article's metadata, claims (with their status history), sources
 * (with their lock entries), timeline and corrections. The full article is read from its stored file.
 */
export const GET: APIRoute<{ slug: string; stored: string; history: ArticleHistory | undefined }> = ({ props }) => {
  const { article } = readStored(props.stored);
  return new Response(dataFileText(articleRecord({ slug: props.slug, article, history: props.history }, openDataUrls, sourceLocks(props.slug, article.sources))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
