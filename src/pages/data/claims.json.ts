import type { APIRoute } from 'astro';
import { claimsRecord, dataFileText } from '../../publishing/open-data.ts';
import { publishedArticles } from '../../site/published.ts';
import { openDataUrls } from '../../publishing/open-data-urls.ts';

/** `/data/claims.json`: every claim on the site, newest article first. */
export const GET: APIRoute = async () =>
  new Response(dataFileText(claimsRecord(await publishedArticles(), openDataUrls)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
