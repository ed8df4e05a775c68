import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ARTICLES_DIR } from '../format/article-files.ts';
import { readSiteHistoryOffThread } from '../history/read-history.ts';

/** The warning a build prints once when the clone is shallow. */
export const shallowWarning = (commits: number) =>
  `history incomplete: shallow clone, ${commits} ${commits === 1 ? 'commit' : 'commits'}; the history pages say that earlier revisions are not shown (clone with full history, such as fetch-depth: 0, to publish them)`;

/** The line a build prints once outside a git repository. */
export const NO_REPOSITORY = 'no git repository: the site is built without history pages';

/**
 * Astro content loader for the history of the articles (see src/history/): one entry per article
 * that has a published revision in git, keyed by slug, with its revisions, its claims' status
 * history and the commits that added its corrections. Drafts have no entry.
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
      for (const [slug, data] of history.articles) {
        store.set({ id: slug, data: { ...data }, digest: generateDigest(JSON.stringify(data)) });
      }
    },
  };
}
