import { slugOf } from '../format/article-files.ts';
import { articleHistory, type ArticleHistory } from './article-history.ts';
import { readBlobs, readGitLog, type FileCommit } from './git-log.ts';
import { publishedSnapshot, type Snapshot } from './snapshot.ts';

/** The history of every article in a folder, or why there is none. */
export type SiteHistory =
  | { status: 'no-repository' }
  | { status: 'ok'; shallow: boolean; commits: number; articles: Map<string, ArticleHistory> };

/**
 * Reads the published history of every article under `dir` (by slug) with one `git log` and one
 * `git cat-file --batch`, whatever the number of articles. `only` limits it to some current paths.
 */
export async function readSiteHistory(dir: string, only?: ReadonlySet<string>): Promise<SiteHistory> {
  const log = readGitLog(dir);
  if (log.status !== 'ok') return log;
  const files = [...log.files].filter(([path]) => !only || only.has(path));
  // Blobs in the order of the articles, so that each article's history is built as soon as its
  // last blob arrives and its texts are dropped.
  const order: { path: string; commits: FileCommit[] }[] = files.map(([path, commits]) => ({ path, commits }));
  const blobs = order.flatMap(({ commits }) => commits.map((commit) => commit.blob));
  const articles = new Map<string, ArticleHistory>();
  let article = 0;
  let revision = 0;
  let snapshots: { commit: FileCommit; snapshot: Snapshot | undefined }[] = [];
  const cache = new Map<string, Snapshot | undefined>();
  await readBlobs(dir, blobs, (blob, text) => {
    const { path, commits } = order[article]!;
    const commit = commits[revision]!;
    const key = `${commit.path}\n${blob}`;
    const snapshot = cache.has(key) ? cache.get(key) : text === undefined ? undefined : publishedSnapshot(commit.path, text);
    cache.set(key, snapshot);
    snapshots.push({ commit, snapshot });
    if (++revision === commits.length) {
      const history = articleHistory(snapshots, log.shallow);
      // An article never published (a draft so far) has no public history.
      if (history.revisions.length > 0) articles.set(slugOf(path), history);
      snapshots = [];
      cache.clear();
      revision = 0;
      article++;
    }
  });
  return { status: 'ok', shallow: log.shallow, commits: log.commits, articles };
}
