import type { APIRoute } from 'astro';
import { dataFileText, sourcesRecord } from '../../publishing/open-data.ts';
import { publishedArticles } from '../../site/published.ts';
import { openDataUrls } from '../../publishing/open-data-urls.ts';
import { sourceLocks } from '../../site/source-locks.ts';

/** `/data/sources.json`: every source cited on the site, newest article first. */
export const GET: APIRoute = async () =>
  new Response(dataFileText(sourcesRecord(await publishedArticles(), openDataUrls, (entry) => sourceLocks(entry.slug, entry.article.sources))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
