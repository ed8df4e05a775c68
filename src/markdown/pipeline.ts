import rehypeHeadingSlugs from './rehype-heading-slugs.ts';
import remarkCitations from './remark-citations.ts';
import remarkParsedTree from './remark-parsed-tree.ts';
import remarkWordCount from './remark-word-count.ts';

/** The remark plugins every article goes through, in order. */
export const remarkPlugins = [remarkParsedTree, remarkWordCount, remarkCitations];
/** The rehype plugins every article goes through, in order. */
export const rehypePlugins = [rehypeHeadingSlugs];
/**
 * No "smart" punctuation: quotations must stay exactly as the source worded and punctuated them
 * (smartypants would turn `--` into a dash and `...` into an ellipsis), and it is a sixth of the
 * rendering time.
 */
export const smartypants = false;
/** Raw HTML never reaches a page: the checker refuses it, and the renderer drops it as a second line of defence. */
export const remarkRehype = { allowDangerousHtml: false };

/** Everything the site's `unified()` Markdown processor is given; tests build the same processor from it. */
export const processorOptions = { remarkPlugins, rehypePlugins, remarkRehype, smartypants };
