import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readStored } from '../../../astro/article-store.ts';
import { dataFileText, historyRecord } from '../../../publishing/open-data.ts';
import { openDataUrlsFor } from '../../../publishing/open-data.ts';
import { siteUrl } from '../../../site/addresses.ts';
import { articleCacheKey, historyOf, readHistory, storedArticleFile } from '../../../site/published.ts';

export const getStaticPaths = (async () => {
  const pages = await Promise.all(
    (await getCollection('articles')).map(async (entry) => {
      const found = await historyOf(entry.id);
      return (
        found && {
          params: { slug: entry.id },
          props: { slug: entry.id, stored: storedArticleFile(entry), historyFile: found.stored },
          ...articleCacheKey(entry, found),
        }
      );
    }),
  );
  return pages.filter((page) => page !== undefined);
}) satisfies GetStaticPaths;

/** `/articles/<slug>/history.json`: the history page as data. Its claims come from the article's stored file (the data store keeps only summaries). */
export const GET: APIRoute<{ slug: string; stored: string; historyFile: string }> = ({ props }) =>
  new Response(
    dataFileText(
      historyRecord(
        { slug: props.slug, article: readStored(props.stored).article, history: readHistory(props.historyFile) },
        openDataUrlsFor(siteUrl()),
      ),
    ),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
