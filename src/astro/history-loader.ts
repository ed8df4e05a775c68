import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ARTICLES_DIR } from '../format/article-files.ts';
import { readSiteHistoryOffThread } from '../history/read-history.ts';
import { hasStored, historyStoreDir, pruneStored, storedFile, writeStored } from './article-store.ts';

/** The warning a build prints once when the clone is shallow. */
export const shallowWarning = (commits: number) =>
  `history incomplete: shallow clone, ${commits} ${commits === 1 ? 'commit' : 'commits'}; the history pages say that earlier revisions are not shown (clone with full history, such as fetch-depth: 0, to publish them)`;

/** The line a build prints once outside a git repository. */
export const NO_REPOSITORY = 'no git repository: the site is built without history pages';

/**
 * Astro content loader for the history of the articles (see src/history/): one entry per article
 * that has a published revision in git, keyed by slug, pointing to the file (in Astro's cache
 * folder) that holds its revisions, its claims' status history and the commits that added its
 * corrections. Drafts have no entry.
 */
export function historyLoader(options: { /** Folder of the articles, relative to the project root or absolute. */ base?: string } = {}): Loader {
  return {
    name: 'sourced-history',
    async load({ config, logger, store, generateDigest }) {
      const dir = resolve(fileURLToPath(config.root), options.base ?? ARTICLES_DIR);
      // On a thread of its own: the articles are checked and rendered meanwhile.
      const history = await readSiteHistoryOffThread(dir);
      store.clear();
      if (history.status === 'no-repository') {
        logger.info(NO_REPOSITORY);
        return;
      }
      if (history.shallow) logger.warn(shallowWarning(history.commits));
      // Each history goes to a file of its own, named after its digest, and the data store keeps only
      // where it is: Astro writes its whole store again and again while loaders run, and every
      // article's revisions and word diffs in it made each write heavy enough to stall the build.
      const storeDir = historyStoreDir(fileURLToPath(config.cacheDir));
      const keep = new Set<string>();
      for (const [slug, data] of history.articles) {
        const json = JSON.stringify(data);
        const digest = generateDigest(json);
        const stored = storedFile(storeDir, digest);
        if (!hasStored(stored)) writeStored(stored, data);
        keep.add(stored);
        store.set({ id: slug, data: { stored }, digest });
      }
      pruneStored(storeDir, keep);
    },
  };
}
