import type { Nodes, Root } from 'mdast';
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
    // A plain walk: unist-util-visit took a tenth of rendering an article for this one sum.
    const count = (node: Nodes): void => {
      if (node.type === 'text' || node.type === 'inlineCode') words += countWords(node.value);
      else if ('children' in node) for (const child of node.children) count(child);
    };
    count(tree);
    const astro = (file.data as AstroData).astro;
    if (astro?.frontmatter) astro.frontmatter.words = words;
  };
}
