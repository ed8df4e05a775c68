import type { Root } from 'mdast';
import { articleSchema, type Article } from '../format/index.ts';
import type { Loose } from '../format/loose.ts';
import { parseBody } from '../markdown/parse-body.ts';
import type { SourceLock } from '../sources/lock.ts';
import type { Position } from './diagnostic.ts';
import type { RegistryIndex } from './registry-index.ts';
import { splitFrontmatter } from '../reader/frontmatter.ts';
import { describeIssues, type FieldProblem } from './schema-diagnostics.ts';
import { parseYaml, type FieldPath } from '../reader/yaml.ts';

/** Largest article file the checker accepts, in bytes. */
export const MAX_ARTICLE_BYTES = 1_000_000;

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
 * parser (src/markdown/parse-body.ts). `body: false` leaves the body unparsed.
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
  const parsed: ParsedArticle = {
    file,
    path,
    bytes,
    readProblems: [],
    locate: nowhere,
    schemaProblems: [],
    body: '',
    bodyLine: 1,
    latestDay,
    lock,
    lockProblem,
    registries,
  };
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
      parsed.readProblems.push({
        line: split.yamlLine,
        column: 1,
        rule: 'frontmatter',
        message: 'The frontmatter must be a list of "field: value" lines.',
      });
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
