#!/usr/bin/env node
/**
 * `npm run new -- "Headline" [--slug SLUG] [--date YYYY-MM-DD]`: creates
 * `content/articles/<slug>.md` (or in SOURCED_ARTICLES_DIR) from the commented template, dated
 * today (or `--date`, or SOURCED_TODAY). Never overwrites a file.
 * Exit status: 0 when the file was created, 1 when it already exists, 2 on a usage mistake.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readCommandLine, usageError } from './command-line.ts';
import { articlesDir } from '../format/article-files.ts';
import { articleTemplate, localDate, slugify } from './article-template.ts';
import { KEBAB_CASE, isCalendarDate } from '../format/index.ts';

const USAGE = `Usage: npm run new -- "Headline" [--slug SLUG] [--date YYYY-MM-DD]
Creates ${articlesDir()}/<slug>.md from the template, as a draft dated today.`;

const fail = (message: string): never => usageError(USAGE, message);

// Without `--`, npm keeps `--slug x` for itself: the script gets "x" as a second headline and npm
// sets npm_config_slug instead.
const takenByNpm = ['slug', 'date'].filter((option) => process.env[`npm_config_${option}`] !== undefined);
if (takenByNpm.length > 0) {
  fail(
    `npm took ${takenByNpm.map((option) => `--${option}`).join(' and ')} for itself: npm needs -- before the options, as in npm run new -- "Headline" --slug SLUG.`,
  );
}

const { values, positionals } = readCommandLine(USAGE, { slug: { type: 'string' }, date: { type: 'string' } });
if (positionals.length !== 1) fail('Give the headline as one argument, in quotes.');
const title = (positionals[0] ?? '').trim();
if (!title) fail('The headline is empty; give the headline in quotes.');

const slug = values.slug ?? slugify(title);
if (!slug) fail(`The headline "${title}" has no Latin letter or digit to make a file name from; give one with --slug.`);
if (!KEBAB_CASE.test(slug))
  fail(`--slug "${slug}" is not kebab-case; use lowercase letters, digits and single hyphens.`);

const today = values.date ?? process.env.SOURCED_TODAY ?? localDate(new Date());
if (!isCalendarDate(today)) fail(`The date "${today}" is not a real date written YYYY-MM-DD.`);

const dir = articlesDir();
const file = join(dir, `${slug}.md`);
const shown = relative(process.cwd(), file) || file;
if (existsSync(file)) {
  process.stderr.write(
    `${shown} already exists; nothing was written. Edit that file, or choose another file name with --slug.\n`,
  );
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
try {
  // `wx` fails instead of overwriting, even if the file appeared since the check above.
  writeFileSync(file, articleTemplate(title, today), { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  process.stderr.write(
    `${shown} already exists; nothing was written. Edit that file, or choose another file name with --slug.\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `Created ${shown} (a draft dated ${today}).\nFill in the fields, set draft: false to publish, and run npm run check.\n`,
);
