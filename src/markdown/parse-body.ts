import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Extension } from 'micromark-util-types';
import { citation, citationFromMarkdown } from '../format/citation-syntax/index.ts';

/**
 * The site's Markdown parser: CommonMark with GitHub's extensions (what remark-gfm adds to
 * remark-parse) and the citation syntax (src/format/citation-syntax/, which remark-citations
 * registers for the pages Astro renders itself), with positions. The checker parses every body with
 * it, and the renderer (pipeline.ts) renders that same tree: one parse per article.
 *
 * For speed, two of GitHub's micromark constructs are left out of a body in which nothing could
 * begin one (see OPTIONAL_CONSTRUCTS), and the autolink transform runs only on a tree with a text
 * that could hold a literal autolink. The tree is the full parser's either way:
 * tests/markdown/parse-body.test.ts holds parseBody to remark-parse with remark-gfm, and fails
 * when micromark no longer names a construct as OPTIONAL_CONSTRUCTS does.
 */

/**
 * The constructs left out where they cannot match, by the names micromark-extension-gfm gives them
 * (micromark's constructs carry a `name`; nothing else tells them apart). GitHub's email autolink
 * (`name@example.org` in plain text) is tried at the start of every word and looks back over the
 * paragraph each time: with the transform, half of the parse. The table construct is tried at the
 * start of every block. Should a package update rename one, nothing is left out and the parse is
 * only slower, and the test says so.
 */
export const OPTIONAL_CONSTRUCTS = { email: 'emailAutolink', table: 'table' } as const;

const GFM = gfm();
const GFM_TREE = gfmFromMarkdown();
/** The autolink transform (the only one of GitHub's extensions), run by parseBody itself. */
const AUTOLINK_TRANSFORMS = GFM_TREE.flatMap((extension) => extension.transforms ?? []);
const GFM_TREE_HANDLERS = GFM_TREE.map(({ transforms: _, ...handlers }) => handlers);
const options = (syntax: Extension) => ({
  extensions: [syntax, citation()],
  mdastExtensions: [...GFM_TREE_HANDLERS, citationFromMarkdown()],
});
/** Built once: building the extensions for each article cost about 5% of the parse. */
const MARKDOWN_OPTIONS = {
  full: options(GFM),
  withoutEmail: options(withoutConstructs(GFM, [OPTIONAL_CONSTRUCTS.email])),
  withoutTable: options(withoutConstructs(GFM, [OPTIONAL_CONSTRUCTS.table])),
  withoutEither: options(withoutConstructs(GFM, [OPTIONAL_CONSTRUCTS.email, OPTIONAL_CONSTRUCTS.table])),
};

/** The names of every construct of a micromark extension (for the test that OPTIONAL_CONSTRUCTS still name some). */
export function constructNames(extension: Extension = GFM): Set<string> {
  const names = new Set<string>();
  for (const record of Object.values(extension)) {
    if (!record || typeof record !== 'object' || Array.isArray(record)) continue;
    for (const constructs of Object.values(record as Record<string, unknown>)) {
      for (const construct of (Array.isArray(constructs) ? constructs : [constructs]) as { name?: string }[])
        if (construct?.name) names.add(construct.name);
    }
  }
  return names;
}

/** A copy of a micromark extension without the constructs of the given names. */
function withoutConstructs(extension: Extension, names: readonly string[]): Extension {
  const copy: Extension = {};
  for (const [field, record] of Object.entries(extension) as [keyof Extension, Record<string, unknown> | undefined][]) {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      (copy as Record<string, unknown>)[field] = record;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [code, constructs] of Object.entries(record)) {
      const list = (Array.isArray(constructs) ? constructs : [constructs]).filter(
        (construct: { name?: string }) => !names.includes(construct.name ?? ''),
      );
      if (list.length > 0) kept[code] = list;
    }
    (copy as Record<string, unknown>)[field] = kept;
  }
  return copy;
}

/** Where the email construct can begin, in the text as micromark reads it: a character of a name, then `@`. */
const EMAIL_START = /[\w+.-]@/;
/**
 * What every table has: a `|`, or in its delimiter row a `:` beside a `-` (`a` over `:-` is a
 * table of one column). The table construct is tried at the start of every block otherwise.
 */
const TABLE_SIGN = /\||:-|-:/;

/** The parser's options for `body`: without the email and table constructs where nothing in it could begin one. */
export function markdownOptions(body: string) {
  const email = EMAIL_START.test(body);
  const table = TABLE_SIGN.test(body);
  if (email) return table ? MARKDOWN_OPTIONS.full : MARKDOWN_OPTIONS.withoutTable;
  return table ? MARKDOWN_OPTIONS.withoutEmail : MARKDOWN_OPTIONS.withoutEither;
}

/** What each of the autolink transform's searches needs in a text: `http://`, `https://`, `www.` or a name's last character before `@`. */
const AUTOLINK_TEXT = /https?:\/\/|www\.|[\w+.-]@/i;

/** True when a text outside links (where the autolink transform searches) could hold a literal autolink. */
export function hasAutolinkText(node: Nodes): boolean {
  if (node.type === 'text') return AUTOLINK_TEXT.test(node.value);
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return false;
  return node.children.some(hasAutolinkText);
}

/** Parses a Markdown body exactly as the site renders it (see above), with positions counted from the body's first line. */
export function parseBody(body: string): Root {
  let tree = fromMarkdown(body, markdownOptions(body));
  if (hasAutolinkText(tree)) for (const transform of AUTOLINK_TRANSFORMS) tree = transform(tree) || tree;
  return tree;
}
