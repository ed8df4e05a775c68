import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readStored } from '../../astro/article-store.ts';
import { articleRecord, dataFileText } from '../../publishing/open-data.ts';
import { articleCacheKey, historyOf, readHistory } from '../../site/published.ts';
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
        props: { slug: entry.id, stored: entry.data.stored, historyFile: found?.stored },
        ...articleCacheKey(entry, found),
      };
    }),
  )) satisfies GetStaticPaths;

/**
 * `/articles/<slug>.json`: one article's metadata, claims (with their status history), sources
 * (with their lock entries), timeline and corrections. The full article is read from its stored file.
 */
export const GET: APIRoute<{ slug: string; stored: string; historyFile: string | undefined }> = ({ props }) => {
  const { article } = readStored(props.stored);
  const history = props.historyFile === undefined ? undefined : readHistory(props.historyFile);
  return new Response(dataFileText(articleRecord({ slug: props.slug, article, history }, openDataUrls, sourceLocks(props.slug, article.sources))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
