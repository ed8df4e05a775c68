import { readFileSync } from 'node:fs';
import { articleSchema } from '../format/index.ts';
import type { CheckedFile } from './check-file.ts';
import { sortDiagnostics } from './diagnostic.ts';
import { splitFrontmatter } from '../reader/frontmatter.ts';
import { findSilentClaimChanges, silentClaimChange } from './rules/silent-claim-change.ts';
import { findUnannouncedChange, unannouncedChange, type PublishedRevision } from './rules/unannounced-change.ts';
import { parseYaml } from '../reader/yaml.ts';

/** An article's dates as its file has them now, for deciding which histories to read. */
export function currentDates(full: string): { published: string; updated?: string | undefined } | undefined {
  const split = splitFrontmatter(readFileSync(full, 'utf8').replace(/\r\n?/g, '\n'));
  if (!('yaml' in split)) return undefined;
  const result = articleSchema.safeParse(parseYaml(split.yaml, split.yamlLine).data);
  return result.success && !result.data.draft
    ? { published: result.data.published, updated: result.data.updated }
    : undefined;
}

/**
 * Adds the `unannounced-change` warnings and the `silent-claim-change` errors of the files checked,
 * given the published revisions git holds of each (oldest first, by absolute path; see
 * src/history). A file with errors, or a draft, is not judged; each unannounced-change warning
 * points at the file's `updated` (or `published`) field, each silent-claim-change at the claim.
 */
export function checkHistories(
  checked: CheckedFile[],
  revisionsOf: ReadonlyMap<string, readonly PublishedRevision[]>,
): void {
  for (const file of checked) {
    const revisions = revisionsOf.get(file.full);
    if (!revisions || revisions.length < 2 || file.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
      continue;
    const split = splitFrontmatter(readFileSync(file.full, 'utf8').replace(/\r\n?/g, '\n'));
    if (!('yaml' in split)) continue;
    const yaml = parseYaml(split.yaml, split.yamlLine);
    const result = articleSchema.safeParse(yaml.data);
    if (!result.success || result.data.draft) continue;
    const findings = [
      ...findUnannouncedChange(result.data, revisions),
      ...findSilentClaimChanges(result.data, revisions),
    ];
    for (const finding of findings) {
      const { line, column } = yaml.locate(finding.path);
      const rule = finding.rule === 'silent-claim-change' ? silentClaimChange : unannouncedChange;
      file.diagnostics.push({
        file: file.file,
        line,
        column,
        severity: rule.severity,
        rule: rule.id,
        message: finding.message,
      });
    }
    if (findings.length > 0) file.diagnostics = sortDiagnostics(file.diagnostics);
  }
}
