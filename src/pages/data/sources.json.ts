import type { APIRoute } from 'astro';
import { dataFileText, sourcesRecord } from '../../lib/open-data.ts';
import { publishedArticles } from '../../lib/published.ts';
import { openDataUrls } from '../../lib/site-url.ts';

/** `/data/sources.json`: every source cited on the site, newest article first. */
export const GET: APIRoute = async () =>
  new Response(dataFileText(sourcesRecord(await publishedArticles(), openDataUrls)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
