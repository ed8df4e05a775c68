import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A change to commit: files to write (path -> text), to delete (path -> null) or to rename. */
export interface Step {
  /** Commit date, `YYYY-MM-DDThh:mm:ssZ`; author and committer dates are both set to it. */
  date: string;
  message: string;
  author?: string;
  /** The author's and committer's e-mail address; ana@example.org unless given. */
  email?: string;
  files?: Record<string, string | null>;
  rename?: [from: string, to: string];
}

/** Runs git in `dir` with fixed identity and dates, as tests need for byte-identical results. */
export function gitIn(
  dir: string,
  args: string[],
  date = '2025-01-01T00:00:00Z',
  author = 'Ana Editor',
  email = 'ana@example.org',
): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

/**
 * A new git repository in a temporary folder, with `steps` committed in order. Articles live in
 * `content/articles/` of the repository; returns the repository and that folder.
 */
export function fixtureRepo(steps: readonly Step[]): { repo: string; articles: string } {
  const repo = mkdtempSync(join(tmpdir(), 'sourced-history-'));
  gitIn(repo, ['init', '-q', '-b', 'main']);
  const articles = join(repo, 'content/articles');
  mkdirSync(articles, { recursive: true });
  for (const step of steps) {
    commitStep(repo, step);
  }
  return { repo, articles };
}

/** Writes, deletes or renames what `step` says under `content/articles/`, and commits it. */
export function commitStep(repo: string, step: Step): void {
  const articles = join(repo, 'content/articles');
  if (step.rename) {
    const [from, to] = step.rename;
    mkdirSync(dirname(join(articles, to)), { recursive: true });
    renameSync(join(articles, from), join(articles, to));
  }
  for (const [path, text] of Object.entries(step.files ?? {})) {
    const full = join(articles, path);
    if (text === null) rmSync(full);
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  gitIn(repo, ['add', '-A'], step.date, step.author, step.email);
  gitIn(repo, ['commit', '-q', '--allow-empty', '-m', step.message], step.date, step.author, step.email);
}
