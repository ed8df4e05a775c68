import rehypeSlug from 'rehype-slug';
import remarkCitations from './remark-citations.ts';
import remarkWordCount from './remark-word-count.ts';

/** The remark plugins every article goes through, in order. */
export const remarkPlugins = [remarkWordCount, remarkCitations];
/** The rehype plugins every article goes through, in order. */
export const rehypePlugins = [rehypeSlug];
/** Raw HTML never reaches a page: the checker refuses it, and the renderer drops it as a second line of defence. */
export const remarkRehype = { allowDangerousHtml: false };
