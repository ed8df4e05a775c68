import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { publishedArticles } from '../site/published.ts';
import { articleUrl, siteUrl } from '../site/site-url.ts';
import { PUBLISHER_NAME } from '../publishing/structured-data.ts';
import { dateValue } from '../format/index.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
/** Readers show an item's description as HTML, so plain text must be HTML-escaped before it is XML-escaped. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `/rss.xml`: every published article, newest first, with absolute links under the base path. */
export const GET: APIRoute = async () => {
  const articles = await publishedArticles();
  return rss({
    title: PUBLISHER_NAME,
    description: 'News explainers in which every factual sentence shows its source.',
    site: siteUrl(),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeXml(siteUrl('rss.xml'))}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(({ slug, article }) => ({
      title: article.title,
      description: escapeHtml(article.description),
      link: articleUrl(slug),
      pubDate: new Date(dateValue(article.published)),
      categories: article.topics,
    })),
  });
};
