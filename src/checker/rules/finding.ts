import type { Severity } from '../diagnostic.ts';
import type { FieldPath } from '../yaml.ts';

/** What a rule reports about one article: the field it is about, positioned by the caller. */
export interface RuleFinding {
  rule: string;
  severity: Severity;
  /** The frontmatter field the finding is about. */
  path: FieldPath;
  message: string;
}
