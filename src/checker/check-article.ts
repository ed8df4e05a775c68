import type { Root } from 'mdast';
import type { Article } from '../format/index.ts';
import type { SourceLock } from '../sources/lock.ts';
import type { Diagnostic } from './diagnostic.ts';
import { parseArticle, type ParsedArticle } from './parse-article.ts';
import type { RegistryIndex } from './registry-index.ts';
import { latestPossibleDay } from './rules/future-date.ts';
import { attributedCitations } from './rules/citations.ts';
import { RULES, type Report, type Rule } from './rules/index.ts';

export { MAX_ARTICLE_BYTES } from './parse-article.ts';

/** A citation as written in the body, with where it stands in the file. */
export interface BodyCitation {
  line: number;
  column: number;
  ids: string[];
}

/** Everything the checker learns from one article file. */
export interface CheckedArticle {
  /** The validated frontmatter, when it has no errors. */
  article?: Article;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** The citations the page shows as attributions, positioned in the file. */
  citations: BodyCitation[];
  diagnostics: Diagnostic[];
  /** The body's tree, as the site's Markdown parser gives it (lines counted from the body's first line); absent when the body was not checked. */
  tree?: Root;
}

const KNOWN = new Set(RULES.map((rule) => rule.id));

/** The reporter a rule is given: every message carries the rule's id and severity and a place in the file. */
function reporter(parsed: ParsedArticle, rule: Pick<Rule, 'id' | 'severity'>, diagnostics: Diagnostic[]): Report {
  const at: Report['at'] = ({ line, column }, message, severity = rule.severity) =>
    void diagnostics.push({ file: parsed.file, line, column, severity, rule: rule.id, message });
  return {
    at,
    field: (path, message, severity) => at(parsed.locate(path), message, severity),
    node: (node, message, severity) =>
      at(
        { line: (node.position?.start.line ?? 1) + parsed.bodyLine - 1, column: node.position?.start.column ?? 1 },
        message,
        severity,
      ),
  };
}

/**
 * Checks one article file: it is read once (frontmatter split off, YAML parsed with positions,
 * fields validated, body parsed with the site's Markdown parser), then every rule of
 * rules/index.ts looks at it. Every problem is reported, positioned in the file; nothing stops at
 * the first one.
 */
export function checkArticle(
  file: string,
  text: string,
  {
    body = true,
    latestDay = latestPossibleDay(),
    path,
    lock,
    lockProblem,
    registries,
  }: {
    /** `false` checks only the frontmatter: for a file whose exact text has passed the whole check already. */
    body?: boolean;
    /** The last calendar day a date may name (see rules/future-date.ts). */
    latestDay?: string;
    /** The file's path relative to the articles folder, for the file-name rule. */
    path?: string;
    /** The article's lock file (see src/sources/lock.ts), for the quote-missing, source-dead and source-changed rules. */
    lock?: SourceLock | undefined;
    /** Why the lock file could not be read (the source-lock rule). */
    lockProblem?: string | undefined;
    /** The registries the article's topics, authors and publishers are checked against (see registries.ts); none, no such check. */
    registries?: RegistryIndex | undefined;
  } = {},
): CheckedArticle {
  const parsed = parseArticle(file, text, { body, latestDay, path, lock, lockProblem, registries });
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) rule.check?.(parsed, reporter(parsed, rule, diagnostics));
  // A problem found while reading under an id no rule claims is still reported, as an error.
  for (const problem of [...parsed.readProblems, ...parsed.schemaProblems]) {
    if (!KNOWN.has(problem.rule))
      reporter(parsed, { id: problem.rule, severity: 'error' }, diagnostics).at(problem, problem.message);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const toFile = (line: number) => line + parsed.bodyLine - 1;
  const citations = parsed.tree
    ? attributedCitations(parsed.tree).map(({ position, ids }) => ({
        line: toFile(position?.start.line ?? 1),
        column: position?.start.column ?? 1,
        ids,
      }))
    : [];
  return {
    ...(parsed.article ? { article: parsed.article } : {}),
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    citations,
    diagnostics,
    ...(parsed.tree ? { tree: parsed.tree } : {}),
  };
}
