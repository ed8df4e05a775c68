import { spawn, spawnSync } from 'node:child_process';
import { isArticlePath } from '../format/article-files.ts';

/** One commit that touched an article file. */
export interface FileCommit {
  /** Full commit hash. */
  commit: string;
  /** Committer date, ISO 8601 with the committer's offset, as git gives it. */
  date: string;
  /**
   * The values of the commit message's `Public-note:` trailers, the editor's note to readers on
   * this revision. Nothing else of the message, and nothing of the author, is read: they are the
   * newsroom's, never the public's.
   */
  publicNotes: string[];
  /** Path of the file in this commit, relative to the articles folder. */
  path: string;
  /** Blob of the file's text in this commit. */
  blob: string;
}

/** What git knows about the articles folder. */
export type GitLog =
  | { status: 'no-repository' }
  | {
      status: 'ok';
      /** True when the clone is shallow: the oldest commits are missing. */
      shallow: boolean;
      /** Commits in the clone, counted only when it is shallow. */
      commits: number;
      /** Commits of each article, oldest first, under the article's current path. */
      files: Map<string, FileCommit[]>;
    };

function git(dir: string, args: string[]): { ok: boolean; stdout: string } {
  const result = spawnSync('git', ['-C', dir, '-c', 'core.quotepath=off', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

const FIELD = '\x1f';
const RECORD = '\x1e';
/** Between two values of `Public-note:` trailers in one commit. */
const NOTE = '\x1d';

/**
 * Reads the history of every article under `dir` with one `git log` run: each commit's hash, date
 * and `Public-note:` trailers (git's own trailer parser, values unfolded onto one line), and the
 * blob of each article file it changed. Renames are followed
 * (`-M`): the commits of a file before its rename count for its current path. A deleted file's
 * commits are dropped, so a new file at the same path starts a history of its own.
 */
export function readGitLog(dir: string): GitLog {
  const probe = git(dir, ['rev-parse', '--is-shallow-repository']);
  if (!probe.ok) return { status: 'no-repository' };
  const shallow = probe.stdout.trim() === 'true';
  const commits = shallow ? Number(git(dir, ['rev-list', '--count', 'HEAD']).stdout.trim()) || 0 : 0;
  const log = git(dir, [
    'log',
    '--relative',
    '-M',
    '--raw',
    '--no-abbrev',
    '--no-color',
    `--format=${RECORD}%H${FIELD}%cI${FIELD}%(trailers:key=Public-note,valueonly,unfold,separator=%x1d)`,
    '--',
    '.',
  ]);
  // A repository without commits has no history yet.
  if (!log.ok) return { status: 'ok', shallow, commits, files: new Map() };

  // Newest first: `alias` maps a path as it was to the path the article has now (null: a file that
  // was deleted, or not created yet, at that point of the history).
  const alias = new Map<string, string | null>();
  const newestFirst = new Map<string, FileCommit[]>();
  const current = (path: string) => (alias.has(path) ? alias.get(path)! : path);
  for (const record of log.stdout.split(RECORD)) {
    if (record === '') continue;
    const newline = record.indexOf('\n');
    const [commit = '', date = '', notes = ''] = (newline === -1 ? record : record.slice(0, newline)).split(FIELD);
    const publicNotes = notes
      .split(NOTE)
      .map((note) => note.trim())
      .filter((note) => note !== '');
    for (const line of record.slice(newline + 1).split('\n')) {
      // :100644 100644 <old blob> <new blob> <status>\t<path>[\t<new path>]
      if (!line.startsWith(':')) continue;
      const [meta = '', first = '', second] = line.split('\t');
      const [, , , blob = '', status = ''] = meta.split(' ');
      const path = second ?? first;
      const key = current(path);
      if (status.startsWith('D')) {
        if (key === path) alias.set(path, null);
        continue;
      }
      if (key !== null && isArticlePath(key)) {
        const list = newestFirst.get(key) ?? [];
        list.push({ commit, date, publicNotes, path, blob });
        newestFirst.set(key, list);
      }
      // Before this commit, the path held nothing that belongs to this article.
      if (status.startsWith('A')) alias.set(path, null);
      if (status.startsWith('R') && second !== undefined) {
        alias.set(second, null);
        alias.set(first, key);
      }
    }
  }
  const files = new Map<string, FileCommit[]>();
  for (const [path, list] of newestFirst) files.set(path, list.reverse());
  return { status: 'ok', shallow, commits, files };
}

/**
 * Reads blobs with one `git cat-file --batch` process, calling `onBlob` for each in the order asked,
 * so that callers can use each text and let it go instead of holding every revision in memory.
 * A blob the repository lacks (`missing`) is passed as undefined.
 */
export async function readBlobs(
  dir: string,
  blobs: readonly string[],
  onBlob: (blob: string, text: string | undefined) => void,
): Promise<void> {
  if (blobs.length === 0) return;
  const child = spawn('git', ['-C', dir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited with ${code}`))));
  });
  child.stdin.end(`${blobs.join('\n')}\n`);
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const header = pending.indexOf(10);
      if (header === -1) break;
      // <hash> blob <size>\n<content>\n, or <hash> missing\n
      const [hash = '', type = '', size = ''] = pending.subarray(0, header).toString('latin1').split(' ');
      if (type === 'missing') {
        onBlob(blobs[index] ?? hash, undefined);
        pending = pending.subarray(header + 1);
        index++;
        continue;
      }
      const length = Number(size);
      if (pending.length < header + 1 + length + 1) break;
      onBlob(blobs[index] ?? hash, pending.subarray(header + 1, header + 1 + length).toString('utf8'));
      pending = pending.subarray(header + 2 + length);
      index++;
    }
  }
  await done;
}
