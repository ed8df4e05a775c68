import type { Publisher, Source } from '../format/index.ts';
import { publisherKey } from '../format/publisher.ts';
import { describePublisher } from '../markdown/publisher-description.ts';

/** A publisher cited on the site and the articles that cite it. */
export interface PublisherUse<T> {
  /** The publisher's name: the registry's, or as first written. */
  publisher: string;
  /** What kind of publisher it is (see describePublisher), when the registry lists it. */
  description?: string;
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
export function collectPublishers<T extends { data: { sources: readonly Source[] } }>(
  articles: readonly T[],
  registry: Readonly<Record<string, Publisher>> = {},
): PublisherUse<T>[] {
  const byKey = new Map<string, { publisher: string; description?: string; articles: T[]; urls: Set<string> }>();
  for (const article of articles) {
    for (const source of article.data.sources) {
      // A registry id is one publisher, whichever site the source was read on (via:).
      const known = Object.hasOwn(registry, source.publisher) ? registry[source.publisher]! : undefined;
      const key = publisherKey(source.publisher);
      const entry = byKey.get(key) ?? {
        publisher: known ? known.name : source.publisher.trim(),
        ...(known ? { description: describePublisher(known) } : {}),
        articles: [],
        urls: new Set<string>(),
      };
      if (!entry.articles.includes(article)) entry.articles.push(article);
      entry.urls.add(source.url);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map(({ urls, ...use }) => ({ ...use, documents: urls.size }))
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        b.documents - a.documents ||
        a.publisher.localeCompare(b.publisher, 'en'),
    );
}
