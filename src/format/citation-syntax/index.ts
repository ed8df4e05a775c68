/**
 * The citation syntax of the article format, `[@id]` and `[@id1; @id2]`, as a micromark syntax
 * extension and an mdast-util-from-markdown extension (built as micromark-extension-gfm-footnote
 * and mdast-util-gfm-footnote are). The renderer (src/markdown/remark-citations.ts) and the checker
 * (src/checker/parse-article.ts) both parse with them: one parse, one tree, `citation` nodes with
 * positions and ids.
 */
export { citation } from './syntax.ts';
export { citationFromMarkdown, parseCitationIds } from './from-markdown.ts';
export type { BrokenCitation, Citation } from './types.ts';
