import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Extension } from 'micromark-util-types';
import { citation, citationFromMarkdown } from '../format/citation-syntax/index.ts';
import { articleSchema, type Article } from '../format/index.ts';
import type { Loose } from '../format/loose.ts';
import type { SourceLock } from '../sources/lock.ts';
import type { Position } from './diagnostic.ts';
import type { RegistryIndex } from './registry-index.ts';
import { splitFrontmatter } from '../reader/frontmatter.ts';
import { describeIssues, type FieldProblem } from './schema-diagnostics.ts';
import { parseYaml, type FieldPath } from '../reader/yaml.ts';

/** Largest article file the checker accepts, in bytes. */
export const MAX_ARTICLE_BYTES = 1_000_000;

/**
 * The parser's options, built once (building the extensions per article cost about 5% of the
 * parse), with and without the email autolink and table constructs.
 *
 * GitHub's autolink literals (`https://…`, `www.…`, `name@example.org` in plain text) were half of
 * the parse: the email construct is tried at the start of every word and looks back over the
 * paragraph each time, and a transform then searches every text node again. Neither can change a
 * body that has none of what they look for, so a body with no email-like `x@` is parsed without the
 * email construct, and the transform runs only on a tree with a text that could hold a literal
 * autolink. The table construct, tried at the start of every block, is left out of a body with
 * nothing a table needs. The tree is the same either way (tests/checker/parse-article.test.ts holds
 * parseBody to the full parser).
 */
const GFM = gfm();
const GFM_TREE = gfmFromMarkdown();
/** The autolink transform (the only one of GitHub's extensions), run by parseBody itself. */
const AUTOLINK_TRANSFORMS = GFM_TREE.flatMap((extension) => extension.transforms ?? []);
const GFM_TREE_HANDLERS = GFM_TREE.map(({ transforms: _, ...handlers }) => handlers);
const options = (syntax: Extension) => ({ extensions: [syntax, citation()], mdastExtensions: [...GFM_TREE_HANDLERS, citationFromMarkdown()] });
const MARKDOWN_OPTIONS = {
  full: options(GFM),
  withoutEmail: options(withoutConstructs(GFM, ['emailAutolink'])),
  withoutTable: options(withoutConstructs(GFM, ['table'])),
  withoutEither: options(withoutConstructs(GFM, ['emailAutolink', 'table'])),
};

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
      const list = (Array.isArray(constructs) ? constructs : [constructs]).filter((construct: { name?: string }) => !names.includes(construct.name ?? ''));
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

/**
 * Parses a Markdown body exactly as the site renders it: CommonMark with GitHub's extensions
 * (remark-gfm) and the citation syntax (which remark-citations registers), with positions.
 */
export function parseBody(body: string): Root {
  let tree = fromMarkdown(body, markdownOptions(body));
  if (hasAutolinkText(tree)) for (const transform of AUTOLINK_TRANSFORMS) tree = transform(tree) || tree;
  return tree;
}

/** A problem found while reading the file, before any rule runs. */
export interface ReadProblem extends Position {
  rule: string;
  message: string;
}

/** One article file, read once: what every rule takes. */
export interface ParsedArticle {
  /** The file as named to the editor. */
  file: string;
  /** Its path relative to the articles folder (the page address), when the caller knows it. */
  path?: string | undefined;
  /** Size of the file in bytes. */
  bytes: number;
  /** Problems met while splitting the file and reading its YAML (the `file` rules report them). */
  readProblems: ReadProblem[];
  /** The frontmatter read as a mapping, valid or not; undefined when it could not be read as one. */
  fields?: Loose | undefined;
  /** Where the field at `path` is written (its key or list item; the nearest ancestor when absent). */
  locate(path: FieldPath): Position;
  /** The schema's problems with the frontmatter, worded for an editor, each with its rule id. */
  schemaProblems: FieldProblem[];
  /** The validated frontmatter, when the schema accepts it. */
  article?: Article | undefined;
  /** The frontmatter's YAML as written, when the file has one, and the line of the file it starts on. */
  frontmatter?: { yaml: string; line: number } | undefined;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** The body's tree (lines counted from the body's first line); undefined when the body is not checked. */
  tree?: Root | undefined;
  /** The last calendar day a date may name (see rules/future-date.ts). */
  latestDay: string;
  /** The article's lock file (src/sources/lock.ts), for the rules about what its sources say now. */
  lock?: SourceLock | undefined;
  /** Why the lock file could not be read, as the source-lock rule says it. */
  lockProblem?: string | undefined;
  /** The registries (content/topics.yaml, authors.yaml, publishers.yaml) the article is checked against; none, no such check. */
  registries?: RegistryIndex | undefined;
}

const nowhere = (): Position => ({ line: 1, column: 1 });

/**
 * Reads an article file once: splits off the frontmatter, parses its YAML (with positions, see
 * yaml.ts), validates it against the schema, and parses the body with the site's own Markdown
 * parser. `body: false` leaves the body unparsed.
 */
export function parseArticle(
  file: string,
  text: string,
  {
    path,
    body: parseTheBody = true,
    latestDay,
    lock,
    lockProblem,
    registries,
  }: {
    path?: string | undefined;
    body?: boolean;
    latestDay: string;
    lock?: SourceLock | undefined;
    lockProblem?: string | undefined;
    registries?: RegistryIndex | undefined;
  },
): ParsedArticle {
  const bytes = Buffer.byteLength(text, 'utf8');
  const parsed: ParsedArticle = { file, path, bytes, readProblems: [], locate: nowhere, schemaProblems: [], body: '', bodyLine: 1, latestDay, lock, lockProblem, registries };
  if (bytes > MAX_ARTICLE_BYTES) return parsed;
  const split = splitFrontmatter(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  if (!('yaml' in split)) {
    parsed.readProblems.push(split);
    return parsed;
  }
  parsed.body = split.body;
  parsed.bodyLine = split.bodyLine;
  parsed.frontmatter = { yaml: split.yaml, line: split.yamlLine };

  const yaml = parseYaml(split.yaml, split.yamlLine);
  parsed.locate = yaml.locate;
  for (const error of yaml.errors) parsed.readProblems.push({ ...error, rule: 'yaml-syntax' });
  const data = yaml.data ?? {};
  if (yaml.errors.length === 0) {
    if (typeof data !== 'object' || Array.isArray(data)) {
      parsed.readProblems.push({ line: split.yamlLine, column: 1, rule: 'frontmatter', message: 'The frontmatter must be a list of "field: value" lines.' });
    } else {
      parsed.fields = data as Loose;
      const result = articleSchema.safeParse(data);
      if (result.success) parsed.article = result.data;
      else parsed.schemaProblems = describeIssues(result.error.issues, articleSchema, data, yaml.locate);
    }
  }
  if (parseTheBody) parsed.tree = parseBody(split.body);
  return parsed;
}
