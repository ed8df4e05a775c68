import type { Element, ElementContent, Root } from 'hast';
import rehypeSlug from 'rehype-slug';

const HEADING = /^h[1-6]$/;

/** True for the `<span class="attribution">` the citation plugin puts in the text. */
export function isAttribution(node: ElementContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'span') return false;
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('attribution');
}

function headings(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (HEADING.test(child.tagName)) found.push(child);
    else headings(child, found);
  }
  return found;
}

/** A heading's content without its attributions, and without the space that stood before them. */
function ownWords(children: ElementContent[]): ElementContent[] {
  const kept = children.filter((child) => !isAttribution(child));
  const last = kept.at(-1);
  if (last?.type === 'text') kept[kept.length - 1] = { ...last, value: last.value.trimEnd() };
  return kept;
}

/**
 * rehype-slug, with each heading's id made from the heading's own words: a citation in a heading
 * (`## Talks ended [@reuters]`) would otherwise put the publisher's name into the anchor.
 */
export default function rehypeHeadingSlugs() {
  const slug = rehypeSlug();
  return (tree: Root) => {
    const cited = headings(tree)
      .filter((heading) => heading.children.some(isAttribution))
      .map((heading) => ({ heading, children: heading.children }));
    for (const { heading, children } of cited) heading.children = ownWords(children);
    slug(tree);
    for (const { heading, children } of cited) heading.children = children;
  };
}
