import type { Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * The key under which a caller puts, in the frontmatter it gives the renderer, the body's tree as
 * the checker parsed it. The checker parses with the site's own parser (CommonMark, GitHub's
 * extensions, the citation syntax, positions: tests/checker/parse-article.test.ts proves the two
 * trees equal), so the renderer need not parse the body a second time. A symbol: it never reaches
 * the page's data.
 */
export const PARSED_TREE = Symbol.for('sourced.parsedTree');

/**
 * remark plugin: when the frontmatter carries the body's parsed tree under PARSED_TREE, the
 * processor takes that tree instead of parsing the text; otherwise it parses as usual. Must follow
 * remark-parse, whose parser it wraps (Astro's unified processor adds remark-parse first).
 */
export default function remarkParsedTree(this: Processor) {
  const parse = (this as unknown as Processor<Root>).parser;
  if (!parse) throw new Error('remark-parsed-tree must come after remark-parse');
  const processor = this as unknown as Processor<Root>;
  processor.parser = (document, file) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<PropertyKey, unknown> } }).astro?.frontmatter;
    const tree = frontmatter?.[PARSED_TREE] as Root | undefined;
    if (!tree) return parse(document, file);
    delete frontmatter![PARSED_TREE];
    return tree;
  };
}
