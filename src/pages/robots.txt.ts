import type { APIRoute } from 'astro';
import { siteUrl } from '../site/addresses.ts';

/** `/robots.txt`: everything may be crawled; points to the sitemap. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl('sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
