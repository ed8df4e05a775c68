import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articlesNewestFirst } from '../site/published.ts';
import { articleUrl, siteUrl } from '../site/addresses.ts';
import { PUBLISHER_NAME } from '../publishing/structured-data.ts';
import { dateValue } from '../format/index.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
/** Readers show an item's description as HTML, so plain text must be HTML-escaped before it is XML-escaped. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** How many of the newest articles the feed carries; readers poll it for what is new. */
export const FEED_ITEMS = 50;

/** `/rss.xml`: the newest FEED_ITEMS published articles, newest first, with absolute links under the base path. */
export const GET: APIRoute = async () => {
  const articles = (await articlesNewestFirst()).slice(0, FEED_ITEMS);
  return rss({
    title: PUBLISHER_NAME,
    description: 'News explainers in which every factual sentence shows its source.',
    site: siteUrl(),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeXml(siteUrl('rss.xml'))}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(({ id, data: article }) => ({
      title: article.title,
      description: escapeHtml(article.description),
      link: articleUrl(id),
      pubDate: new Date(dateValue(article.published)),
      categories: article.topics,
    })),
  });
};
