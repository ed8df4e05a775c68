import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
/** An element as a browser's HTML parser builds it. */
export type Element = DefaultTreeAdapterTypes.Element;

/** Parses a whole page with parse5, the HTML standard's parsing algorithm (what browsers do). */
export const parsePage = (html: string) => parse(html);
/** Parses a piece of HTML, such as a feed item's description, as a feed reader would. */
export const parseHtmlFragment = (html: string) => parseFragment(html);

/** Every node under `root` in document order, descending into template contents. */
export function* nodesOf(root: Node): Generator<Node> {
  yield root;
  const children = 'childNodes' in root ? root.childNodes : [];
  for (const child of children) yield* nodesOf(child);
  if (root.nodeName === 'template' && 'content' in root) yield* nodesOf(root.content as Node);
}

/** Every element under `root`, in document order. */
export const elementsOf = (root: Node): Element[] =>
  [...nodesOf(root)].filter((node): node is Element => 'tagName' in node);

/** Every comment under `root`: the text of each. */
export const commentsOf = (root: Node): string[] =>
  [...nodesOf(root)].flatMap((node) => (node.nodeName === '#comment' && 'data' in node ? [node.data] : []));

/** An element's attribute value, or undefined. */
export const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;

/** The text of a node and its descendants, as `textContent` gives it (script and style text included). */
export const textOf = (root: Node): string =>
  [...nodesOf(root)].map((node) => (node.nodeName === '#text' && 'value' in node ? node.value : '')).join('');

/** The elements named `tagName` under `root`. */
export const byTag = (root: Node, tagName: string) => elementsOf(root).filter((element) => element.tagName === tagName);

/** The `<meta>` contents for a `name` or `property`, in document order. */
export const metaContents = (root: Node, key: string) =>
  byTag(root, 'meta')
    .filter((meta) => attribute(meta, 'name') === key || attribute(meta, 'property') === key)
    .map((meta) => attribute(meta, 'content'));

/** Attributes that hold an address a browser may navigate to, load or run. */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'cite',
  'poster',
  'data',
  'srcset',
  'xlink:href',
  'ping',
  'background',
]);

/**
 * Whether an address runs or embeds content instead of naming a page: `javascript:`, `vbscript:` or
 * `data:`, after dropping what URL parsers ignore (whitespace and control characters), in any case.
 */
export const isScriptingUrl = (value: string) =>
  /^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020\u007f]/g, ''));
