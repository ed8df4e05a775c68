import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { articleRecord, dataFileText, } from '../../publishing/open-data.ts';
import type { PublishedArticle } from '../../site/articles.ts';
import { openDataUrls } from '../../publishing/open-data-urls.ts';
import { sourceLocks } from '../../site/source-locks.ts';

// Keyed by the article's digest, like the article page: an unchanged article's file is copied from the last build.
export const getStaticPaths = (async () =>
  (await getCollection('articles')).map((entry) => ({
    params: { slug: entry.id },
    props: { entry: { slug: entry.id, article: entry.data } },
    ...(entry.digest === undefined ? {} : { cacheKey: entry.digest }),
  }))) satisfies GetStaticPaths;

/** `/articles/<slug>.json`: one article's metadata, claims, sources, timeline and corrections. */
export const GET: APIRoute<{ entry: PublishedArticle }> = ({ props }) =>
  new Response(dataFileText(articleRecord(props.entry, openDataUrls, sourceLocks(props.entry.slug, props.entry.article.sources))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
