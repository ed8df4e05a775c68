import { readFileSync } from 'node:fs';
import type { CheckedFile } from '../checker/check-files.ts';
import { formatText, sortDiagnostics, type Diagnostic } from '../checker/diagnostic.ts';
import { splitFrontmatter } from '../reader/frontmatter.ts';
import { parseYaml } from '../reader/yaml.ts';

const count = (number: number, word: string) => `${number} ${word}${number === 1 ? '' : 's'}`;

/** Today, `YYYY-MM-DD` in UTC, or SOURCED_TODAY (for tests). */
const todayOf = (env: Record<string, string | undefined>, now: Date) =>
  env['SOURCED_TODAY'] && /^\d{4}-\d\d-\d\d$/.test(env['SOURCED_TODAY'])
    ? env['SOURCED_TODAY']
    : now.toISOString().slice(0, 10);

/**
 * A warning for a draft whose `published` day is before today: it was meant to be out by now, and
 * nothing else would say that it is not. Left to the build's summary rather than made a rule of the
 * check, which would repeat it at every check of a draft still being written.
 */
export function draftPastDate(
  file: CheckedFile,
  today: string,
  text = readFileSync(file.full, 'utf8'),
): Diagnostic | undefined {
  const split = splitFrontmatter(text);
  if (!('yaml' in split)) return undefined;
  const parsed = parseYaml(split.yaml, split.yamlLine);
  const published = (parsed.data as { published?: unknown } | null)?.published;
  if (typeof published !== 'string' || !/^\d{4}-\d\d-\d\d/.test(published) || published.slice(0, 10) >= today)
    return undefined;
  const day = published.slice(0, 10);
  return {
    file: file.file,
    ...parsed.locate(['published']),
    severity: 'warning',
    rule: 'draft-not-published',
    message: `This draft is dated ${day}, which has passed, and it is not published; set draft: false to publish it, or set published to the day it will go live.`,
  };
}

/**
 * The last lines of a build (the sourced() integration): how many articles were published, the drafts left out (each
 * named), then every warning again (they were printed before Astro's and Pagefind's output, which
 * scrolls them away; the registries' warnings included), with a warning for each draft whose date
 * has passed, or "no warnings".
 */
export function buildSummary(
  checked: readonly CheckedFile[],
  {
    registries = [],
    env = process.env,
    now = new Date(),
  }: {
    /** Problems outside the articles: the registries', files never published. */ registries?: readonly Diagnostic[];
    env?: Record<string, string | undefined>;
    now?: Date;
  } = {},
): string {
  const drafts = checked.filter((file) => file.draft);
  const today = todayOf(env, now);
  const pastDrafts = drafts.map((file) => draftPastDate(file, today)).filter((diagnostic) => diagnostic !== undefined);
  const warnings = sortDiagnostics(
    [...registries, ...checked.flatMap((file) => file.diagnostics), ...pastDrafts].filter(
      (diagnostic) => diagnostic.severity === 'warning',
    ),
  );
  const named = drafts.length === 0 ? '' : ` (${drafts.map((file) => file.file).join(', ')})`;
  const head = `Summary: ${count(checked.length - drafts.length, 'article')} published, ${count(drafts.length, 'draft')} skipped${named}, `;
  if (warnings.length === 0) return `${head}no warnings.\n`;
  return `${head}${count(warnings.length, 'warning')}:\n${warnings.map(formatText).join('\n')}\n`;
}
