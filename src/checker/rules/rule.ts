import type { Node } from 'unist';
import type { Position, Severity } from '../diagnostic.ts';
import type { ParsedArticle } from '../parse-article.ts';
import type { FieldPath } from '../../reader/yaml.ts';

export type { ParsedArticle } from '../parse-article.ts';

/**
 * How a rule reports a problem: where it is, and what to do about it. A rule reports at its own
 * severity, or at a lesser one in a case its doc comment names (source-dead, when an archived
 * copy stands in).
 */
export interface Report {
  /** At a frontmatter field (its key, or its list item). */
  field(path: FieldPath, message: string, severity?: Severity): void;
  /** At a node of the body's tree. */
  node(node: Node, message: string, severity?: Severity): void;
  /** At a line and column of the file. */
  at(position: Position, message: string, severity?: Severity): void;
}

/** One check of the checker. Each lives in its own module in this folder; `index.ts` lists them all. */
export interface Rule {
  /** Stable, searchable name, printed with every message: `unknown-citation`. */
  id: string;
  /** An error stops the build; a warning is printed and the build goes on. */
  severity: Severity;
  /** One line: what the rule refuses or warns about. */
  description: string;
  /**
   * The checks across fields that this rule makes and JSON Schema cannot express, one sentence
   * each: the published JSON Schema lists them in its `$comment`.
   */
  crossField?: readonly string[];
  /** Looks at the parsed article and reports what is wrong. Absent for a rule that only the build applies. */
  check?(article: ParsedArticle, report: Report): void;
}
