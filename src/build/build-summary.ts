import type { CheckedFile } from '../checker/check-files.ts';
import { formatText, sortDiagnostics } from '../checker/diagnostic.ts';

const count = (number: number, word: string) => `${number} ${word}${number === 1 ? '' : 's'}`;

/**
 * The last lines of a build (the sourced() integration): how many articles were published and how many drafts were
 * skipped, then every warning again (they were printed before Astro's and Pagefind's output, which
 * scrolls them away), or "no warnings".
 */
export function buildSummary(checked: readonly CheckedFile[]): string {
  const drafts = checked.filter((file) => file.draft).length;
  const warnings = sortDiagnostics(checked.flatMap((file) => file.diagnostics).filter((diagnostic) => diagnostic.severity === 'warning'));
  const head = `Summary: ${count(checked.length - drafts, 'article')} published, ${count(drafts, 'draft')} skipped, `;
  if (warnings.length === 0) return `${head}no warnings.\n`;
  return `${head}${count(warnings.length, 'warning')}:\n${warnings.map(formatText).join('\n')}\n`;
}
