#!/usr/bin/env node
/**
 * `npm run check [-- [--format text|github|json] [path ...]]`: validates articles without Astro.
 * Exit status: 0 when there is no error (warnings allowed), 1 on any error, 2 on a usage mistake.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ARTICLES_DIR } from '../lib/article-files.ts';
import { checkFiles } from '../lib/check-files.ts';
import {
  countDiagnostics,
  FORMATS,
  formatGithub,
  formatText,
  sortDiagnostics,
  type Format,
} from '../lib/diagnostic.ts';

const USAGE = `Usage: npm run check -- [--format text|github|json] [path ...]
Checks every article in ${ARTICLES_DIR}/ (or the files and folders given) and prints every problem.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: { format?: string | undefined; help?: boolean | undefined };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const format = (values.format ?? 'text') as Format;
if (!FORMATS.includes(format)) fail(`Unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);

const targets = positionals.length > 0 ? positionals : [ARTICLES_DIR];
const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) fail(`No such file or folder: ${missing.join(', ')}`);

const checked = targets.flatMap((target) => checkFiles(target));
const diagnostics = sortDiagnostics(checked.flatMap((file) => file.diagnostics));
const { errors, warnings } = countDiagnostics(diagnostics);
const summary = `${checked.length} ${checked.length === 1 ? 'article' : 'articles'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;

if (format === 'json') {
  process.stdout.write(`${JSON.stringify({ articles: checked.length, errors, warnings, diagnostics }, null, 2)}\n`);
} else {
  const print = format === 'github' ? formatGithub : formatText;
  const lines = diagnostics.map(print);
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  process.stderr.write(`${summary}\n`);
}
process.exitCode = errors > 0 ? 1 : 0;
