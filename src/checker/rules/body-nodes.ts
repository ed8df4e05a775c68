import type { Nodes, Root } from 'mdast';

/** A node of an article body's tree, and whether it sits inside a link, where a citation shows as plain text. */
export interface BodyNode<T extends Nodes = Nodes> {
  node: T;
  inLink: boolean;
  /** Its place in the order the body is written (the tree's pre-order). */
  order: number;
}

type NodeOfType<K extends Nodes['type']> = Extract<Nodes, { type: K }>;

// The rules ask the same tree for its links, citations, texts, HTML: the tree is walked once, and
// its nodes are kept by type. Walking it once per rule with unist-util-visit took about a tenth of
// checking an article.
const indexes = new WeakMap<Root, Map<string, BodyNode[]>>();

function indexOf(tree: Root): Map<string, BodyNode[]> {
  let byType = indexes.get(tree);
  if (byType) return byType;
  const found = new Map<string, BodyNode[]>();
  let order = 0;
  const walk = (node: Nodes, inLink: boolean): void => {
    let list = found.get(node.type);
    if (!list) found.set(node.type, (list = []));
    list.push({ node, inLink, order: order++ });
    if (!('children' in node)) return;
    const childrenInLink = inLink || node.type === 'link' || node.type === 'linkReference';
    for (const child of node.children) walk(child, childrenInLink);
  };
  walk(tree, false);
  indexes.set(tree, (byType = found));
  return byType;
}

/**
 * The body's nodes of the given types, in the order written. The tree is read once, on the first
 * call; it must not change after (the checker's rules only read it).
 */
export function bodyNodes<K extends Nodes['type']>(tree: Root, ...types: K[]): BodyNode<NodeOfType<K>>[] {
  const byType = indexOf(tree);
  const lists = types.map((type) => byType.get(type) ?? []);
  const nodes = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a.order - b.order);
  return nodes as BodyNode<NodeOfType<K>>[];
}
