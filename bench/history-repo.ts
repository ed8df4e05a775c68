/**
 * A git repository of generated explainers, each with several published revisions, for measuring
 * what reading history costs a build (`npm run bench -- --history 5`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STATUSES = [
  'confirmed',
  'missing-context',
  'misleading',
  "'false'",
  'disputed',
  'unproven',
  'outdated',
  'not-checkable',
];

/**
 * The text of an explainer in revision `revision` (0-based) of `revisions`: the last is the text as
 * given; each earlier one rated its first claim differently and ended with a sentence of its own,
 * so that every revision changes a claim's status and a paragraph, word by word.
 */
export function revisionText(text: string, index: number, revision: number, revisions: number): string {
  if (revision === revisions - 1) return revisions > 1 ? withRatingCorrection(text) : text;
  const status = STATUSES[(index + revision) % STATUSES.length]!;
  return `${text.replace(/^(    status: ).*$/m, `$1${status}`).trimEnd()}\n\nIn revision ${revision + 1} the editors had written this sentence, later changed.\n`;
}

/**
 * The text as given, with a correction that tells readers the first claim's rating changed, as the
 * silent-claim-change rule asks of every article whose claims changed after publication. It is
 * dated on the article's last update, or on its day of publication.
 */
function withRatingCorrection(text: string): string {
  const day = /^updated: '?([\d-]+)'?$/m.exec(text)?.[1] ?? /^published: '?([\d-]+)'?$/m.exec(text)![1]!;
  const claim = /^claims:\n  - id: ([\w-]+)$/m.exec(text)![1]!;
  const entry = `  - date: '${day}'\n    text: Earlier revisions rated [@${claim}] differently.\n`;
  if (/^corrections:$/m.test(text)) return text.replace(/^corrections:\n/m, `corrections:\n${entry}`);
  return text.replace(/\n---\n/, `\ncorrections:\n${entry}---\n`);
}

function git(dir: string, args: string[], date: string): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench Editor',
      GIT_AUTHOR_EMAIL: 'bench@example.org',
      GIT_COMMITTER_NAME: 'Bench Editor',
      GIT_COMMITTER_EMAIL: 'bench@example.org',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

/**
 * Creates a repository in `repo` whose `content/articles/` ends with exactly the explainers of
 * `articles`, after `revisions` commits that each revise every explainer. With `silentEdits`, the
 * commits come after the explainers' `updated` dates, so every explainer gets unannounced-change
 * warnings. Returns that folder.
 */
export function generateHistoryRepo(
  articles: string,
  repo: string,
  revisions: number,
  { silentEdits = false } = {},
): string {
  const dir = join(repo, 'content/articles');
  mkdirSync(dir, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main'], '2025-01-01T00:00:00Z');
  const files = readdirSync(articles)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const texts = files.map((name) => readFileSync(join(articles, name), 'utf8'));
  for (let revision = 0; revision < revisions; revision++) {
    files.forEach((name, index) =>
      writeFileSync(join(dir, name), revisionText(texts[index]!, index, revision, revisions)),
    );
    // Dated before every generated explainer's publication (2019 on), as if each had been announced
    // (its `updated` moved): the build then reads the history for the history pages, not for
    // thousands of unannounced-change warnings (`--silent-edits` measures that worst case).
    const date = silentEdits
      ? `2025-06-${String(revision + 1).padStart(2, '0')}T12:00:00Z`
      : `2018-01-${String(revision + 1).padStart(2, '0')}T12:00:00Z`;
    git(repo, ['add', '-A'], date);
    git(repo, ['commit', '-q', '-m', `Revision ${revision + 1} of every explainer`], date);
  }
  return dir;
}
