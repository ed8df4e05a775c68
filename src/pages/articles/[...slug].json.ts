import type { APIRoute, GetStaticPaths } from 'astro';
import { articleRecord, dataFileText, type PublishedArticle } from '../../lib/open-data.ts';
import { publishedArticles } from '../../lib/published.ts';
import { openDataUrls } from '../../lib/site-url.ts';

export const getStaticPaths = (async () =>
  (await publishedArticles()).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }))) satisfies GetStaticPaths;

/** `/articles/<slug>.json`: one article's metadata, claims, sources, timeline and corrections. */
export const GET: APIRoute<{ entry: PublishedArticle }> = ({ props }) =>
  new Response(dataFileText(articleRecord(props.entry, openDataUrls)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
