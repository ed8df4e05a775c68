import { type Article, dateValue } from '../format/index.ts';
import type { ArticleHistory } from '../history/article-history.ts';

/** A published article and its page address part. */
export interface PublishedArticle {
  slug: string;
  article: Article;
  /** Its published revisions from git; absent outside a git repository. */
  history?: ArticleHistory | undefined;
}

interface Dated {
  id: string;
  data: { published: string };
}

/**
 * `items` newest first; articles published the same day keep a stable order by slug. Each date is
 * read once, not at every comparison (listings sort the whole archive).
 */
export function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, time: dateValue(item.data.published) }))
    .sort((a, b) => b.time - a.time || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0))
    .map(({ item }) => item);
}
