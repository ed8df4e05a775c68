/** A topic and the articles filed under it. */
export interface Topic<T> {
  slug: string;
  label: string;
  articles: T[];
}

/** A topic slug as readers see it: `russia-ukraine-war` is `Russia ukraine war`. */
export function topicLabel(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every topic used by the articles, sorted by label, each with its articles in the order given.
 */
export function collectTopics<T extends { data: { topics: readonly string[] } }>(articles: readonly T[]): Topic<T>[] {
  const bySlug = new Map<string, T[]>();
  for (const article of articles) {
    for (const slug of new Set(article.data.topics)) bySlug.set(slug, [...(bySlug.get(slug) ?? []), article]);
  }
  return [...bySlug]
    .map(([slug, list]) => ({ slug, label: topicLabel(slug), articles: list }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
