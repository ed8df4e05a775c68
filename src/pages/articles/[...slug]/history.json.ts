import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readStored } from '../../../astro/article-store.ts';
import type { ArticleHistory } from '../../../history/article-history.ts';
import { dataFileText, historyRecord } from '../../../publishing/open-data.ts';
import { openDataUrls } from '../../../publishing/open-data-urls.ts';
import { historyOf } from '../../../site/published.ts';

export const getStaticPaths = (async () => {
  const pages = await Promise.all(
    (await getCollection('articles')).map(async (entry) => {
      const found = await historyOf(entry.id);
      return found && { params: { slug: entry.id }, props: { slug: entry.id, stored: entry.data.stored, history: found.history } };
    }),
  );
  return pages.filter((page) => page !== undefined);
}) satisfies GetStaticPaths;

/** `/articles/<slug>/history.json`: the history page as data. Its claims come from the article's stored file (the data store keeps only summaries). */
export const GET: APIRoute<{ slug: string; stored: string; history: ArticleHistory }> = ({ props }) =>
  new Response(dataFileText(historyRecord({ slug: props.slug, article: readStored(props.stored).article, history: props.history }, openDataUrls)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
