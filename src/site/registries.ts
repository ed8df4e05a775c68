import { getCollection } from 'astro:content';
import type { Author, Publisher, Topic } from '../format/index.ts';

/** The registries as the pages read them: each entry by id. */
export interface SiteRegistries {
  topics: Record<string, Topic>;
  authors: Record<string, Author>;
  publishers: Record<string, Publisher>;
}

let loaded: Promise<SiteRegistries> | undefined;

/** The registries of the build (content/topics.yaml, authors.yaml, publishers.yaml), read once. */
export function getRegistries(): Promise<SiteRegistries> {
  loaded ??= (async () => {
    const byId = <T>(entries: { id: string; data: T }[]) =>
      Object.fromEntries(entries.map((entry) => [entry.id, entry.data]));
    const [topics, authors, publishers] = await Promise.all([
      getCollection('topics'),
      getCollection('authors'),
      getCollection('publishers'),
    ]);
    return { topics: byId(topics), authors: byId(authors), publishers: byId(publishers) };
  })();
  return loaded;
}

/** An author's byline: the registry's name, or the id when the registry has none (a site without registries). */
export const authorName = (id: string, authors: SiteRegistries['authors']): string =>
  Object.hasOwn(authors, id) ? authors[id]!.name : id;
