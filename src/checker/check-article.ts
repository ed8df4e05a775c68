import { articleSchema, type Article } from '../format/index.ts';
import { list, type Loose } from '../format/loose.ts';
import type { SourceLock } from '../sources/lock.ts';
import { checkBody, parseMarkdown, type BodyCitation } from './body-check.ts';
import { quickCheckBody } from './body-scan.ts';
import { checkDateConsistency } from './date-consistency.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { findFutureDates, latestPossibleDay } from './future-dates.ts';
import type { RegistryIndex } from './registry-index.ts';
import { findRepeats } from './repeats.ts';
import { checkLock, checkRegistryUse } from './rules/index.ts';
import { describeIssues } from './schema-diagnostics.ts';
import { checkUsage } from './usage.ts';
import { parseYaml } from './yaml.ts';

/** Largest article file the checker accepts, in bytes. */
export const MAX_ARTICLE_BYTES = 1_000_000;

/** Everything the checker learns from one article file. */
export interface CheckedArticle {
  /** The validated frontmatter, when it has no errors. */
  article?: Article;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** Citations in the body, positioned in the file. */
  citations: BodyCitation[];
  diagnostics: Diagnostic[];
}

/**
 * Checks one article file: frontmatter syntax, every field against the schema, references across
 * fields, the citations and links in the body, and how sources are used. Every problem is
 * reported, positioned in the file; nothing stops at the first one.
 */
export function checkArticle(
  file: string,
  text: string,
  {
    body: checkTheBody = true,
    latestDay = latestPossibleDay(),
    lock,
    registries,
  }: {
    /** `false` checks only the frontmatter: for a file whose exact text has passed the whole check already. */
    body?: boolean;
    /** The last calendar day a date may name (see future-dates.ts). */
    latestDay?: string;
    /** The article's lock file (see src/sources/lock.ts), for the quote-missing, source-dead and source-changed rules. */
    lock?: SourceLock | undefined;
    /** The registries the article's topics, authors and publishers are checked against (see registries.ts); none, no such check. */
    registries?: RegistryIndex | undefined;
  } = {},
): CheckedArticle {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, rule: string, line: number, column: number, message: string) =>
    diagnostics.push({ file, line, column, severity, rule, message });

  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ARTICLE_BYTES) {
    report('error', 'file-too-large', 1, 1, `The file is ${bytes} bytes, over the limit of ${MAX_ARTICLE_BYTES} bytes; split it into several articles.`);
    return { body: '', bodyLine: 1, citations: [], diagnostics };
  }
  const split = splitFrontmatter(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  if (!('yaml' in split)) {
    report('error', split.rule, split.line, split.column, split.message);
    return { body: '', bodyLine: 1, citations: [], diagnostics };
  }

  const yaml = parseYaml(split.yaml, split.yamlLine);
  for (const error of yaml.errors) report('error', 'yaml-syntax', error.line, error.column, error.message);

  let article: Article | undefined;
  let knownIds: string[] = [];
  const data = yaml.data ?? {};
  const isMap = typeof data === 'object' && !Array.isArray(data);
  if (yaml.errors.length === 0) {
    if (!isMap) {
      report('error', 'frontmatter', split.yamlLine, 1, 'The frontmatter must be a list of "field: value" lines.');
    } else {
      const fields = data as Loose;
      const result = articleSchema.safeParse(data);
      if (result.success) article = result.data;
      else {
        for (const problem of describeIssues(result.error.issues, articleSchema, data, yaml.locate)) {
          report('error', problem.rule, problem.line, problem.column, problem.message);
        }
      }
      for (const { path, message } of findFutureDates(fields, latestDay)) {
        const { line, column } = yaml.locate(path);
        report('warning', 'future-date', line, column, message);
      }
      knownIds = idsIn(fields);
      for (const finding of registries ? checkRegistryUse(fields, registries) : []) {
        const { line, column } = yaml.locate(finding.path);
        report(finding.severity, finding.rule, line, column, finding.message);
      }
    }
  }

  const stray = strayFrontmatter(split.body);
  if (stray) {
    const closing = split.bodyLine - 1;
    report(
      'error',
      'frontmatter',
      closing,
      1,
      `The frontmatter ends at this "---", but line ${stray.line + closing} ("${stray.field}:") is a frontmatter field; remove the stray "---" or move the field above it.`,
    );
  }

  if (!checkTheBody) {
    return { ...(article ? { article } : {}), body: split.body, bodyLine: split.bodyLine, citations: [], diagnostics };
  }

  const body = quickCheckBody(split.body, knownIds) ?? checkBody(split.body, knownIds, parseMarkdown(split.body), split.bodyLine);
  const toFileLine = (line: number) => line + split.bodyLine - 1;
  // Citations can only be judged against ids that were read; with broken YAML they would all look unknown.
  const judgeCitations = yaml.errors.length === 0 && isMap;
  for (const problem of body.problems) {
    if (!judgeCitations && problem.rule === 'unknown-citation') continue;
    report('error', problem.rule, toFileLine(problem.line), problem.column, problem.message);
  }
  const citations = body.citations.map((citation) => ({ ...citation, line: toFileLine(citation.line) }));

  if (article) {
    for (const finding of [...checkUsage(article, citations), ...checkDateConsistency(article), ...findRepeats(article)]) {
      const { line, column } = yaml.locate(finding.path);
      report('warning', finding.rule, line, column, finding.message);
    }
    for (const finding of lock ? checkLock(article, lock) : []) {
      const { line, column } = yaml.locate(finding.path);
      report(finding.severity, finding.rule, line, column, finding.message);
    }
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...(article ? { article } : {}), body: split.body, bodyLine: split.bodyLine, citations, diagnostics };
}

/** Ids of the sources and claims, read from frontmatter that may not be valid yet. */
function idsIn(data: Loose): string[] {
  return [...list(data.sources), ...list(data.claims)].map((item) => item.id).filter((id): id is string => typeof id === 'string');
}

const FIELDS = new Set(Object.keys(articleSchema.shape));

/**
 * The first frontmatter field written at the top of the body, which happens when a stray `---` line
 * ends the frontmatter early: the fields after it would otherwise be published as text.
 */
function strayFrontmatter(body: string): { line: number; field: string } | undefined {
  const lines = body.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const field = /^([a-z]+):(?:\s|$)/.exec(lines[first] ?? '')?.[1];
  return field && FIELDS.has(field) ? { line: first + 1, field } : undefined;
}
