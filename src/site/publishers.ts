import { createHash } from 'node:crypto';
import { publisherKey, type Publisher } from '../format/index.ts';
import { describePublisher } from '../template/publisher-description.ts';

/** A publisher cited on the site and the articles that cite it. */
export interface PublisherUse<T> {
  /** The publisher's name: the registry's, or as first written. */
  publisher: string;
  /** The address part of the publisher's page, `/sources/<slug>/`: see publisherSlug. */
  slug: string;
  /** What kind of publisher it is (see describePublisher), when the registry lists it. */
  description?: string;
  /** Articles citing at least one of the publisher's documents, in the order given. */
  articles: T[];
}

/** Slugs that would read as something else at `/sources/<slug>/`. */
const RESERVED = new Set(['page']);

/**
 * The address part of a publisher's page, from its name alone, so that it never changes when other
 * publishers come or go. A name made of plain words (`BBC News`, `Reuters`) gives its words in
 * kebab-case (`bbc-news`); any other name (accents, punctuation, another script, `page`) gives
 * its readable part, `--` and a hash of the name (`le-monde--1a2b3c4d5e6f`). A plain slug has no
 * `--` and maps back to exactly one name, so no two publishers share a slug.
 */
export function publisherSlug(publisher: string): string {
  const key = publisherKey(publisher).replace(/\s+/g, ' ');
  const readable = key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (readable !== '' && readable.replace(/-/g, ' ') === key && !RESERVED.has(readable)) return readable;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return readable === '' ? `publisher--${hash}` : `${readable}--${hash}`;
}

/**
 * Every publisher cited by the articles, most cited first (by number of articles), then by name.
 * Names that differ only in case or surrounding spaces are one publisher, shown as first written.
 */
export function collectPublishers<T extends { data: { publishers: readonly string[] } }>(
  articles: readonly T[],
  registry: Readonly<Record<string, Publisher>> = {},
): PublisherUse<T>[] {
  const byKey = new Map<string, { publisher: string; written: string; description?: string; articles: T[] }>();
  for (const article of articles) {
    for (const name of new Set(article.data.publishers.map(publisherKey))) {
      const written = article.data.publishers.find((each) => publisherKey(each) === name)!.trim();
      // A registry id (content/publishers.yaml) is shown by the registry's name and kind.
      const known = Object.hasOwn(registry, written) ? registry[written]! : undefined;
      const entry = byKey.get(name) ?? {
        publisher: known ? known.name : written,
        written,
        ...(known ? { description: describePublisher(known) } : {}),
        articles: [],
      };
      entry.articles.push(article);
      byKey.set(name, entry);
    }
  }
  // A publisher of the registry is at its id (`/sources/reuters/`), unless a name outside it already gives that slug.
  const plain = new Set(
    [...byKey.values()].filter((use) => !Object.hasOwn(registry, use.written)).map((use) => publisherSlug(use.written)),
  );
  const slugOf = (written: string) =>
    Object.hasOwn(registry, written) && !RESERVED.has(written) && !plain.has(written)
      ? written
      : publisherSlug(written);
  return [...byKey.values()]
    .map(({ written, ...use }) => ({ ...use, slug: slugOf(written) }))
    .sort((a, b) => b.articles.length - a.articles.length || a.publisher.localeCompare(b.publisher, 'en'));
}
