/**
 * The citation syntax of the article format, `[@id]` and `[@id1; @id2]`, as a micromark syntax
 * extension and an mdast-util-from-markdown extension (built as micromark-extension-gfm-footnote
 * and mdast-util-gfm-footnote are). The site's parser (src/markdown/parse-body.ts), whose tree the
 * checker reads and the renderer renders, parses with them: one parse, one tree, `citation` nodes
 * with positions and ids. remark-citations adds them to Astro's parser for content/pages/.
 */
export { citation } from './syntax.ts';
export { citationFromMarkdown, parseCitationIds } from './from-markdown.ts';
export type { BrokenCitation, Citation } from './types.ts';
