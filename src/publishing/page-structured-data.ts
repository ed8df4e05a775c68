import type { Article } from '../format/index.ts';
import { getRegistries } from '../site/registries.ts';
import { absoluteUrl, anchorUrl, articleUrl, authorPath, siteUrl } from '../site/addresses.ts';
import { articleStructuredData, structuredDataBlocks, type StructuredDataBlocks } from './structured-data.ts';

/** The JSON-LD blocks of the published article `id`, with the site's addresses and registries. */
export async function articlePageStructuredData(id: string, article: Article): Promise<StructuredDataBlocks> {
  const data = articleStructuredData(
    article,
    { site: siteUrl(), page: articleUrl(id), claim: (claim) => anchorUrl(id, 'claim', claim), author: (author) => absoluteUrl(authorPath(author)) },
    await getRegistries(),
  );
  return structuredDataBlocks(data);
}
