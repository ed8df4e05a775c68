import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { dataFileText, historyRecord } from '../../../publishing/open-data.ts';
import { openDataUrls } from '../../../publishing/open-data-urls.ts';
import type { PublishedArticle } from '../../../site/articles.ts';
import { historyOf } from '../../../site/published.ts';

export const getStaticPaths = (async () => {
  const pages = await Promise.all(
    (await getCollection('articles')).map(async (entry) => {
      const found = await historyOf(entry.id);
      return found && { params: { slug: entry.id }, props: { entry: { slug: entry.id, article: entry.data, history: found.history } } };
    }),
  );
  return pages.filter((page) => page !== undefined);
}) satisfies GetStaticPaths;

/** `/articles/<slug>/history.json`: the history page as data. */
export const GET: APIRoute<{ entry: PublishedArticle }> = ({ props }) =>
  new Response(dataFileText(historyRecord(props.entry, openDataUrls)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
