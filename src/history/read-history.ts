import { slugOf } from '../format/article-files.ts';
import type { DescribablePublisher } from '../template/publisher-description.ts';
import { articleHistory, type ArticleHistory } from './article-history.ts';
import { readBlobs, readGitLog, type FileCommit } from './git-log.ts';
import { publishedSnapshot, type Snapshot } from './snapshot.ts';

/** The history of every article in a folder, or why there is none. */
export type SiteHistory =
  | { status: 'no-repository' }
  | { status: 'ok'; shallow: boolean; commits: number; articles: Map<string, ArticleHistory> };

/** A commit of an article file, with the article as that commit published it (undefined: not published). */
export interface CommittedRevision {
  commit: FileCommit;
  snapshot: Snapshot | undefined;
}

/**
 * Calls `onArticle` with the committed revisions of each article under `dir` (oldest first, keyed
 * by its current path), reading them with one `git log` and one `git cat-file --batch` whatever
 * the number of articles; each article's texts are let go once it is handled. `only` picks the
 * articles to read from their current path, their commits (whose texts are not read yet) and
 * whether the clone is shallow.
 * Returns what `git log` said about the repository.
 */
export async function forEachArticleHistory(
  dir: string,
  onArticle: (path: string, revisions: CommittedRevision[]) => void,
  only?: (path: string, commits: readonly FileCommit[], shallow: boolean) => boolean,
): Promise<{ status: 'no-repository' } | { status: 'ok'; shallow: boolean; commits: number }> {
  const log = readGitLog(dir);
  if (log.status !== 'ok') return log;
  const order = [...log.files]
    .filter(([path, commits]) => !only || only(path, commits, log.shallow))
    .map(([path, commits]) => ({ path, commits }));
  const blobs = order.flatMap(({ commits }) => commits.map((commit) => commit.blob));
  let article = 0;
  let revisions: CommittedRevision[] = [];
  // The same text at the same path is read once (a file reverted to an earlier text, say).
  const seen = new Map<string, Snapshot | undefined>();
  await readBlobs(dir, blobs, (blob, text) => {
    const { path, commits } = order[article]!;
    const commit = commits[revisions.length]!;
    const key = `${commit.path}\n${blob}`;
    const snapshot = seen.has(key)
      ? seen.get(key)
      : text === undefined
        ? undefined
        : publishedSnapshot(commit.path, text);
    seen.set(key, snapshot);
    revisions.push({ commit, snapshot });
    if (revisions.length === commits.length) {
      onArticle(path, revisions);
      revisions = [];
      seen.clear();
      article++;
    }
  });
  return { status: 'ok', shallow: log.shallow, commits: log.commits };
}

/**
 * Reads the published history of every article under `dir`, by slug (see forEachArticleHistory);
 * `publishers` (the registry) names the publishers citations show.
 */
export async function readSiteHistory(
  dir: string,
  publishers: Readonly<Record<string, DescribablePublisher>> = {},
): Promise<SiteHistory> {
  const articles = new Map<string, ArticleHistory>();
  const result = await forEachArticleHistory(dir, (path, revisions) => {
    const history = articleHistory(revisions, false, publishers);
    // An article never published (a draft so far) has no public history.
    if (history.revisions.length > 0) articles.set(slugOf(path), history);
  });
  if (result.status !== 'ok') return result;
  for (const history of articles.values()) history.shallow = result.shallow;
  return { ...result, articles };
}
