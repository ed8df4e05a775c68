/**
 * `npm run check [-- [--format text|github|json] [path ...]]`: validates articles without Astro.
 * Exit status: 0 when there is no error (warnings allowed), 1 on any error, 2 on a usage mistake.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ARTICLES_DIR, listArticleFiles } from '../lib/article-files.ts';
import { checkFiles, checkFilesInPool, type CheckedFile } from '../lib/check-files.ts';
import { CheckPool } from '../lib/check-pool.ts';
import { FORMATS, type Format } from '../lib/diagnostic.ts';
import { reportCheck } from '../lib/report.ts';

const USAGE = `Usage: npm run check -- [--format text|github|json] [path ...]
Checks every article in ${ARTICLES_DIR}/ (or the files and folders given) and prints every problem.`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
}
try {
  parsed = parse();
} catch (error) {
  usageError((error as Error).message);
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const format = (parsed.values.format ?? 'text') as Format;
if (!FORMATS.includes(format)) usageError(`Unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);

const targets = parsed.positionals.length > 0 ? parsed.positionals : [ARTICLES_DIR];
const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) usageError(`No such file or folder: ${missing.join(', ')}`);

// Parsing is CPU-bound, so a large folder is checked on one worker thread per core (same results,
// same order); a worker takes about a quarter of a second to start, which pays off only beyond a few
// dozen articles.
const PARALLEL_FROM = 64;
const count = targets.reduce((sum, target) => sum + (statSync(target).isFile() ? 1 : listArticleFiles(target).length), 0);
let checked: CheckedFile[];
if (count >= PARALLEL_FROM && availableParallelism() > 1) {
  const pool = new CheckPool();
  checked = [];
  for (const target of targets) checked.push(...(await checkFilesInPool(target, pool)));
  await pool.close();
} else {
  checked = targets.flatMap((target) => checkFiles(target));
}
const report = reportCheck(checked, format);
process.stdout.write(report.stdout);
process.stderr.write(report.stderr);
process.exitCode = report.errors > 0 ? 1 : 0;
