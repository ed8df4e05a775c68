import type { Element, ElementContent, Root } from 'hast';
import rehypeSlug from 'rehype-slug';
import type { VFile } from 'vfile';
import { isTemplateId } from '../template/page-ids.ts';

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
 * The ids to give headings whose slug the page template uses (see src/template/page-ids.ts): `section-<slug>`,
 * numbered like rehype-slug's repeats (`section-main-1`) when that is taken too. Others keep theirs.
 */
export function avoidTemplateIds(ids: readonly string[], article: Parameters<typeof isTemplateId>[1] = {}): string[] {
  const taken = new Set(ids);
  return ids.map((id) => {
    if (!isTemplateId(id, article)) return id;
    let free = `section-${id}`;
    for (let count = 1; taken.has(free); count++) free = `section-${id}-${count}`;
    taken.add(free);
    return free;
  });
}

/**
 * rehype-slug, with each heading's id made from the heading's own words: a citation in a heading
 * (`## Talks ended [@reuters]`) would otherwise put the publisher's name into the anchor. A heading
 * never takes an id of the page template (`## Main` becomes `id="section-main"`, not `id="main"`).
 */
export default function rehypeHeadingSlugs() {
  const slug = rehypeSlug();
  return (tree: Root, file: VFile) => {
    const found = headings(tree);
    const cited = found
      .filter((heading) => heading.children.some(isAttribution))
      .map((heading) => ({ heading, children: heading.children }));
    for (const { heading, children } of cited) heading.children = ownWords(children);
    // rehype-slug is given the headings alone, in the order written: it gives them the ids it
    // would give them in the whole tree, without walking every element of the body to find them.
    slug({ type: 'root', children: found });
    for (const { heading, children } of cited) heading.children = children;
    const all = found.filter((heading) => typeof heading.properties.id === 'string');
    // The article's sources and claims, which Astro hands the processor as frontmatter.
    const frontmatter = (
      file.data as { astro?: { frontmatter?: Partial<Record<'sources' | 'claims', { id: string }[]>> } }
    ).astro?.frontmatter;
    const article = {
      sources: (frontmatter?.sources ?? []).map(({ id }) => id),
      claims: (frontmatter?.claims ?? []).map(({ id }) => id),
    };
    const ids = avoidTemplateIds(
      all.map((heading) => heading.properties.id as string),
      article,
    );
    all.forEach((heading, index) => (heading.properties.id = ids[index]!));
  };
}
