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

/** Newest first; articles published the same day keep a stable order by slug. */
export function byNewestFirst<T extends Dated>(a: T, b: T): number {
  return dateValue(b.data.published) - dateValue(a.data.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
