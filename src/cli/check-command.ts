/**
 * `npm run check [-- [--format text|github|json] [path ...]]`: validates articles without Astro.
 * Exit status: 0 when there is no error (warnings allowed), 1 on any error, 2 on a usage mistake.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { articlesDir, PAGES_DIR } from '../format/article-files.ts';
import { checkTargets } from '../checker/check-files.ts';
import { FORMATS, type Format } from '../checker/diagnostic.ts';
import { reportCheck } from '../checker/report.ts';
import { unpublishedFiles } from '../checker/unpublished-files.ts';
import { checkUnannouncedChanges } from '../build/history-check.ts';
import { readCommandLine, usageError as fail } from './command-line.ts';

const USAGE = `Usage: npm run check -- [--format text|github|json] [path ...]
Checks every article in ${articlesDir()}/ (SOURCED_ARTICLES_DIR, or content/articles), or the files and
folders given, and prints every problem.`;

const usageError = (message: string): never => fail(USAGE, message);
const parsed = readCommandLine(USAGE, { format: { type: 'string', short: 'f' } });
const format = (parsed.values.format ?? 'text') as Format;
if (!FORMATS.includes(format)) usageError(`Unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);

const targets = parsed.positionals.length > 0 ? parsed.positionals : [articlesDir()];
const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) usageError(`No such file or folder: ${missing.join(', ')}`);

const { checked, registries } = await checkTargets(targets);
await checkUnannouncedChanges(checked);
// Files that look like articles but would never be published: named ones are errors, those found
// in a folder warnings; with no path given, the content folder around the articles is searched too.
const ROOT = resolve(import.meta.dirname, '../..');
const unpublished = unpublishedFiles(
  targets,
  {
    cwd: process.cwd(),
    articlesRoot: resolve(articlesDir()),
    projectRoot: ROOT,
    otherContent: [join(ROOT, PAGES_DIR)],
  },
  { scanContent: parsed.positionals.length === 0 },
);
const report = reportCheck(checked, format, [
  ...registries.flatMap((registry) => registry.diagnostics),
  ...unpublished,
]);
process.stdout.write(report.stdout);
process.stderr.write(report.stderr);
process.exitCode = report.errors > 0 ? 1 : 0;
