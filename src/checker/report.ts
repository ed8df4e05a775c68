import type { CheckedFile } from './check-files.ts';
import {
  countDiagnostics,
  formatGithub,
  formatText,
  sortDiagnostics,
  type Diagnostic,
  type Format,
} from './diagnostic.ts';

/** What to print for a check, and whether it found errors. */
export interface CheckReport {
  /** The diagnostics (or the JSON document) for standard output. */
  stdout: string;
  /** The one-line summary for standard error (empty for JSON, which carries its own counts). */
  stderr: string;
  errors: number;
  warnings: number;
}

/** Renders the result of checking some files, and the problems of their registries, in one of the checker's output formats. */
export function reportCheck(
  checked: readonly CheckedFile[],
  format: Format,
  registryProblems: readonly Diagnostic[] = [],
): CheckReport {
  const diagnostics = sortDiagnostics([...registryProblems, ...checked.flatMap((file) => file.diagnostics)]);
  const { errors, warnings } = countDiagnostics(diagnostics);
  if (format === 'json') {
    const document = { articles: checked.length, errors, warnings, diagnostics };
    return { stdout: `${JSON.stringify(document, null, 2)}\n`, stderr: '', errors, warnings };
  }
  const print = format === 'github' ? formatGithub : formatText;
  const lines = diagnostics.map(print);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return {
    stdout: lines.length > 0 ? `${lines.join('\n')}\n` : '',
    stderr: `${plural(checked.length, 'article')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
    errors,
    warnings,
  };
}
