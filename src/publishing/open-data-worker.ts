/**
 * The worker of write-open-data.ts (piscina): writes a site's open data, first each article's JSON
 * file (article-data.ts), then the bulk files made from them (bulk-data.ts).
 */
import { writeArticleData } from './article-data.ts';
import { writeBulkData } from './bulk-data.ts';
import type { OpenDataDone, OpenDataWork } from './write-open-data.ts';

export default async function writeOpenDataHere({
  siteDir,
  siteRoot,
  cacheDir,
  partBytes,
  articles,
}: OpenDataWork): Promise<OpenDataDone> {
  const written = writeArticleData(siteDir, siteRoot, articles, cacheDir);
  return { articles: written, index: await writeBulkData(siteDir, siteRoot, partBytes) };
}
