import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { countWords } from './reading-time.ts';

interface AstroData {
  astro?: { frontmatter?: { words?: number } };
}

/**
 * Counts the words of the body's text (citations left out) and leaves the count on the
 * frontmatter Astro passes in, as `words`, for the reading time.
 */
export default function remarkWordCount() {
  return (tree: Root, file: VFile) => {
    let words = 0;
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') words += countWords(node.value);
    });
    const astro = (file.data as AstroData).astro;
    if (astro?.frontmatter) astro.frontmatter.words = words;
  };
}
