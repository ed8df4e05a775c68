/** How bad a problem is: an error stops the build, a warning is reported and the build goes on. */
export type Severity = 'error' | 'warning';

/** One problem found in one file, at a line and column (both 1-based) of that file. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable, searchable name of the rule, such as `unknown-citation`. */
  rule: string;
  message: string;
}

export type { Position } from '../reader/position.ts';

/** Output formats of the checker. */
export const FORMATS = ['text', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** `path:line:column  severity  rule  message`, the line an editor reads and an editor's IDE links. */
export function formatText(diagnostic: Diagnostic): string {
  const { file, line, column, severity, rule, message } = diagnostic;
  return `${file}:${line}:${column}  ${severity}  ${rule}  ${message}`;
}

const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command, shown as an annotation on the pull request's diff. */
export function formatGithub(diagnostic: Diagnostic): string {
  const { file, line, column, severity, rule, message } = diagnostic;
  const properties = `file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(rule)}`;
  return `::${severity} ${properties}::${escapeData(message)}`;
}

/** Diagnostics in reading order: by file, then line, then column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Counts of errors and warnings. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}
