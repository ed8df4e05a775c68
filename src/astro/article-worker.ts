/**
 * An article-pool worker (see article-pool.ts): turns on the compile cache, then checks and
 * renders each article it is given.
 */
import { enableCompileCache } from '../infra/compile-cache.ts';
import type { ArticleResult, ArticleTask } from './render-article.ts';

enableCompileCache();
const { publishArticle } = await import('./render-article.ts');

export default function publish(task: ArticleTask): Promise<ArticleResult> {
  return publishArticle(task);
}
