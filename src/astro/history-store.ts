import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { codeVersion } from '../infra/module-graph.ts';
import { registriesOf } from '../checker/registries.ts';
import { slugOf } from '../format/article-files.ts';
import { articleHistory } from '../history/article-history.ts';
import type { FileCommit } from '../history/git-log.ts';
import { forEachArticleHistory } from '../history/read-history.ts';
import { hasStored, pruneStored, storedFile, storedName, writeStored } from './article-store.ts';

/** Where each published article's history is kept, and what the repository said. */
export type StoredSiteHistory =
  | { status: 'no-repository' }
  | {
      status: 'ok';
      shallow: boolean;
      commits: number;
      /** Each article with a published revision: its slug, the name of the file holding its history in `storeDir`, the file's key. */
      articles: { slug: string; stored: string; digest: string }[];
    };

/**
 * The version of the code that turns commits into a history (src/history/ and what it imports):
 * a change to it makes every history be read again.
 */
export const historyVersion = (root: string): string =>
  codeVersion(
    root,
    [join(root, 'src/history/article-history.ts'), join(root, 'src/history/read-history.ts')],
    ['package-lock.json'],
  );

/**
 * The publisher registry of the articles under `dir` (the names their citations show in the
 * visible text of each revision), and its digest, which is part of every history's key.
 */
function publishersOf(dir: string): {
  publishers: NonNullable<ReturnType<typeof registriesOf>>['publishers'];
  digest: string;
} {
  const publishers = registriesOf(dir)?.publishers ?? {};
  return { publishers, digest: createHash('sha256').update(JSON.stringify(publishers)).digest('base64url') };
}

/**
 * The key of one article's history: its commits (hash, date, public notes, path and blob of each)
 * decide its history entirely, with the code's version (which here includes the publisher
 * registry's digest) and whether the clone is shallow.
 */
export function historyKey(version: string, shallow: boolean, commits: readonly FileCommit[]): string {
  return createHash('sha256')
    .update(JSON.stringify([version, shallow, commits]))
    .digest('base64url')
    .slice(0, 32);
}

/**
 * Reads the history of every article under `dir` into files of `storeDir`, one per article and
 * version of its commits (see historyKey), and names them (article-store.ts's storedName: a name,
 * never a path). An article whose commits are those of the last build
 * keeps its file, and its revisions are not read again: a rebuild reads `git log` and the texts of
 * the articles that changed since. An article never published gets an empty marker file instead,
 * so that it is not read again either. Files no article uses any more are deleted.
 */
export async function storeSiteHistory(dir: string, storeDir: string, baseVersion: string): Promise<StoredSiteHistory> {
  const { publishers, digest } = publishersOf(dir);
  const version = `${baseVersion}:${digest}`;
  const articles: { slug: string; stored: string; digest: string }[] = [];
  const keep = new Set<string>();
  const keys = new Map<string, string>();
  const draftName = (key: string) => storedName(`${key}.draft`);
  let shallowLog = false;
  const result = await forEachArticleHistory(
    dir,
    (path, revisions) => {
      const key = keys.get(path)!;
      const history = articleHistory(revisions, shallowLog, publishers);
      // An article never published (a draft so far) has no public history.
      if (history.revisions.length === 0) {
        writeStored(storedFile(storeDir, draftName(key)), {});
        return;
      }
      const stored = storedName(key);
      writeStored(storedFile(storeDir, stored), history);
      articles.push({ slug: slugOf(path), stored, digest: key });
    },
    (path, commits, shallow) => {
      shallowLog = shallow;
      const key = historyKey(version, shallow, commits);
      const stored = storedName(key);
      const draft = draftName(key);
      keep.add(stored).add(draft);
      if (hasStored(storedFile(storeDir, stored))) {
        articles.push({ slug: slugOf(path), stored, digest: key });
        return false;
      }
      if (hasStored(storedFile(storeDir, draft))) return false;
      keys.set(path, key);
      return true;
    },
  );
  if (result.status !== 'ok') return result;
  pruneStored(storeDir, keep);
  articles.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { ...result, articles };
}

/**
 * `storeSiteHistory` on a worker thread of its own (history-worker.ts, piscina): parsing revisions
 * and diffing them is CPU work that would otherwise hold the content loaders' thread while the
 * articles are checked and rendered on the other cores. On this thread if no worker can start.
 * Rejects, never waits for ever, when the worker fails or its thread ends without an answer.
 * `worker` is the worker's module (tests give one that dies).
 */
export async function storeSiteHistoryOffThread(
  dir: string,
  storeDir: string,
  version: string,
  { worker = new URL('./history-worker.ts', import.meta.url) }: { worker?: URL } = {},
): Promise<StoredSiteHistory> {
  let pool: Piscina<{ dir: string; storeDir: string; version: string }, StoredSiteHistory>;
  try {
    pool = new Piscina({ filename: worker.href, minThreads: 1, maxThreads: 1 });
  } catch {
    return storeSiteHistory(dir, storeDir, version);
  }
  try {
    return await pool.run({ dir, storeDir, version });
  } catch (error) {
    throw new Error(
      `Reading the articles' history from git failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    await pool.close({ force: true });
  }
}
