import type { Source } from '../format/index.ts';
import { publisherKey } from '../format/publisher.ts';

/** A publisher cited on the site and the articles that cite it. */
export interface PublisherUse<T> {
  publisher: string;
  /** Articles citing at least one of the publisher's documents, in the order given. */
  articles: T[];
  /** How many distinct documents of the publisher the site cites. */
  documents: number;
}

/**
 * Every publisher cited by the articles, most cited first (by number of articles, then
 * documents), then by name. Names that differ only in case or surrounding spaces are one publisher,
 * shown as first written.
 */
export function collectPublishers<T extends { data: { sources: readonly Source[] } }>(articles: readonly T[]): PublisherUse<T>[] {
  const byKey = new Map<string, { publisher: string; articles: T[]; urls: Set<string> }>();
  for (const article of articles) {
    for (const source of article.data.sources) {
      const key = publisherKey(source.publisher);
      const entry = byKey.get(key) ?? { publisher: source.publisher.trim(), articles: [], urls: new Set<string>() };
      if (!entry.articles.includes(article)) entry.articles.push(article);
      entry.urls.add(source.url);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map(({ publisher, articles: list, urls }) => ({ publisher, articles: list, documents: urls.size }))
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        b.documents - a.documents ||
        a.publisher.localeCompare(b.publisher, 'en'),
    );
}
