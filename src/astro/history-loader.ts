import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ARTICLES_DIR } from '../format/article-files.ts';
import { historyStoreDir } from './article-store.ts';
import { historyVersion, storeSiteHistoryOffThread } from './history-store.ts';
import { recordPublished } from './published-record.ts';

/** The warning a build prints once when the clone is shallow. */
export const shallowWarning = (commits: number) =>
  `history incomplete: shallow clone, ${commits} ${commits === 1 ? 'commit' : 'commits'}; the history pages say that earlier revisions are not shown (clone with full history, such as fetch-depth: 0, to publish them)`;

/** The line a build prints once outside a git repository. */
export const NO_REPOSITORY = 'no git repository: the site is built without history pages';

/**
 * Astro content loader for the history of the articles (see src/history/): one entry per article
 * that has a published revision in git, keyed by slug, pointing to the file (in Astro's cache
 * folder) that holds its revisions, its claims' status history and the commits that added its
 * corrections. Drafts have no entry. Each history is kept in its own file, and the data store
 * keeps only where it is: Astro writes its whole store again and again while loaders run, and
 * every article's revisions and word diffs in it made each write heavy enough to stall the build.
 * A rebuild reads again only the histories whose commits changed (history-store.ts).
 */
export function historyLoader(
  options: { /** Folder of the articles, relative to the project root or absolute. */ base?: string } = {},
): Loader {
  return {
    name: 'sourced-history',
    async load({ config, logger, store }) {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base ?? ARTICLES_DIR);
      // On a thread of its own: the articles are checked and rendered meanwhile.
      const history = await storeSiteHistoryOffThread(
        dir,
        historyStoreDir(fileURLToPath(config.cacheDir)),
        historyVersion(root),
      );
      // An entry whose digest is unchanged is left as it is, so that a rebuild with the same
      // histories does not make Astro write its data store again.
      const articles = history.status === 'ok' ? history.articles : [];
      const slugs = new Set(articles.map(({ slug }) => slug));
      for (const id of store.keys()) if (!slugs.has(id)) store.delete(id);
      if (history.status === 'no-repository') {
        recordPublished('history', []);
        logger.info(NO_REPOSITORY);
        return;
      }
      if (history.shallow) logger.warn(shallowWarning(history.commits));
      for (const { slug, stored, digest } of articles) store.set({ id: slug, data: { stored }, digest });
      // For the steps after the pages (the sourced() integration): each article's JSON file.
      recordPublished('history', store.values());
    },
  };
}
