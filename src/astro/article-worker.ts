/**
 * An article-pool worker (see article-pool.ts): turns on the compile cache, then checks and
 * renders each article it is given with the renderer options of its pool.
 */
import { workerData } from 'node:worker_threads';
import { enableCompileCache } from '../infra/compile-cache.ts';
import type { ArticleResult, ArticleTask, RendererOptions } from './render-article.ts';

enableCompileCache();
const { publishArticle } = await import('./render-article.ts');
const options = workerData as RendererOptions;

export default function publish(task: ArticleTask): Promise<ArticleResult> {
  return publishArticle(task, options);
}
