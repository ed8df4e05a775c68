/**
 * `npm run sources [-- [--archive] [--timeout seconds] [path ...]]`: fetches every source of every
 * article (or of the files and folders given), looks for its quote, and writes each article's lock
 * file, `content/sources/<slug>.lock.json`. With `--archive`, asks the Wayback Machine for a copy
 * of each source that has none. Exit status: 0 when every article could be read (whatever its
 * sources said), 1 when an article has frontmatter errors (see `npm run check`), 2 on a usage mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { articlesDir, articleTarget, slugOf } from '../format/article-files.ts';
import { checkArticle } from '../checker/check-article.ts';
import { formatText } from '../checker/diagnostic.ts';
import { Archiver, archiveOptionsFromEnv } from '../sources/archive.ts';
import { checkSources, sourcesToCheck, type ArticleSources } from '../sources/check-sources.ts';
import { DEFAULT_FETCH_OPTIONS } from '../sources/fetch-source.ts';
import { locksDirFor } from '../sources/lock.ts';
import { articleReportText, summaryText } from '../sources/report.ts';
import { readCommandLine, usageError as fail } from './command-line.ts';

const USAGE = `Usage: npm run sources -- [--archive] [--timeout seconds] [--max-bytes bytes] [path ...]
Fetches every source of every article in ${articlesDir()}/ (or of the files and folders given), looks for
its quote, and records what it found in content/sources/<slug>.lock.json.
  --archive      also find or make an archived copy (Wayback Machine; WAYBACK_ACCESS_KEY and
                 WAYBACK_SECRET_KEY let it ask for new captures)
  --timeout      seconds to wait for one source, redirects included (default ${DEFAULT_FETCH_OPTIONS.timeoutMs / 1000})
  --max-bytes    largest page read (default ${DEFAULT_FETCH_OPTIONS.maxBytes})`;

const usageError = (message: string): never => fail(USAGE, message);
const parsed = readCommandLine(USAGE, {
  archive: { type: 'boolean' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
});
const positive = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) usageError(`--${name} must be a positive number, not "${value}".`);
  return number;
};
const timeout = positive(parsed.values.timeout, 'timeout');
const maxBytes = positive(parsed.values['max-bytes'], 'max-bytes');

const targets = parsed.positionals.length > 0 ? parsed.positionals : [articlesDir()];
const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) usageError(`No such file or folder: ${missing.join(', ')}`);

// Articles with their lock folder: `sources/` beside the articles folder.
const groups = new Map<string, ArticleSources[]>();
let broken = 0;
for (const target of targets) {
  const { root, paths } = articleTarget(target, articlesDir());
  for (const path of paths) {
    const full = resolve(root, path);
    const file = relative(process.cwd(), full) || full;
    const { article, diagnostics } = checkArticle(file, readFileSync(full, 'utf8'), { body: false });
    if (!article) {
      broken++;
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      process.stderr.write(
        `${errors.map(formatText).join('\n')}\n${file}: its sources cannot be read until these errors are fixed (npm run check).\n`,
      );
      continue;
    }
    const locksDir = locksDirFor(root);
    const list = groups.get(locksDir) ?? [];
    list.push({ slug: slugOf(path), file, sources: sourcesToCheck(article) });
    groups.set(locksDir, list);
  }
}

const siteUrl = process.env.SITE_URL;
const userAgent = `SourcedSourceCheck/1.0 (Sourced news explainers checking that cited pages still say what is quoted${siteUrl ? `; +${siteUrl}` : ''})`;
const archiver = parsed.values.archive ? new Archiver(archiveOptionsFromEnv(process.env, userAgent)) : undefined;
const fetchOptions = {
  ...DEFAULT_FETCH_OPTIONS,
  userAgent,
  ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
  ...(maxBytes ? { maxBytes } : {}),
};

const reports = [];
for (const [locksDir, articles] of groups) {
  const lockDirShown = relative(process.cwd(), locksDir) || locksDir;
  reports.push(
    ...(await checkSources(articles, { locksDir: lockDirShown, fetch: fetchOptions, archiver }, (report) => {
      process.stdout.write(`${articleReportText(report)}\n`);
    })),
  );
}
process.stdout.write(`${summaryText(reports)}\n`);
process.exitCode = broken > 0 ? 1 : 0;
