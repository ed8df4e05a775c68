import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readStoredArticle } from '../../astro/article-store.ts';
import { articleRecord, dataFileText } from '../../publishing/open-data.ts';
import { openDataUrls } from '../../publishing/open-data-urls.ts';

// Keyed by the article's digest, like the article page: an unchanged article's file is copied from the last build.
export const getStaticPaths = (async () =>
  (await getCollection('articles')).map((entry) => ({
    params: { slug: entry.id },
    props: { slug: entry.id, stored: entry.data.stored },
    ...(entry.digest === undefined ? {} : { cacheKey: entry.digest }),
  }))) satisfies GetStaticPaths;

/** `/articles/<slug>.json`: one article's metadata, claims, sources, timeline and corrections. */
export const GET: APIRoute<{ slug: string; stored: string }> = ({ props }) =>
  new Response(dataFileText(articleRecord({ slug: props.slug, article: readStoredArticle(props.stored).article }, openDataUrls)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
