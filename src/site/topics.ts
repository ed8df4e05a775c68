/** A topic and the articles filed under it. */
export interface Topic<T> {
  slug: string;
  label: string;
  /** What the topic covers, from content/topics.yaml; absent for a topic the registry does not list. */
  description?: string;
  articles: T[];
}

/** What the registry says of a topic. */
interface TopicEntry {
  label: string;
  description: string;
}

/**
 * A topic slug as readers see it: its label in content/topics.yaml, or else the slug in words
 * (`russia-ukraine-war` is `Russia ukraine war`), for a site without registries.
 */
export function topicLabel(slug: string, registry: Readonly<Record<string, TopicEntry>> = {}): string {
  if (Object.hasOwn(registry, slug)) return registry[slug]!.label;
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every topic used by the articles, sorted by slug, each with its label and description from the
 * registry and its articles in the order given.
 */
export function collectTopics<T extends { data: { topics: readonly string[] } }>(
  articles: readonly T[],
  registry: Readonly<Record<string, TopicEntry>> = {},
): Topic<T>[] {
  const bySlug = new Map<string, T[]>();
  for (const article of articles) {
    for (const slug of new Set(article.data.topics)) bySlug.set(slug, [...(bySlug.get(slug) ?? []), article]);
  }
  return [...bySlug]
    .map(([slug, list]) => ({
      slug,
      label: topicLabel(slug, registry),
      ...(Object.hasOwn(registry, slug) ? { description: registry[slug]!.description } : {}),
      articles: list,
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
