/**
 * The worker of history-store.ts's storeSiteHistoryOffThread (piscina): reads an articles folder's
 * history into the history store and gives back where each history is.
 */
import { enableCompileCache } from '../infra/compile-cache.ts';
import type { StoredSiteHistory } from './history-store.ts';

enableCompileCache();
const { storeSiteHistory } = await import('./history-store.ts');

export default function readHistoryHere({
  dir,
  storeDir,
  version,
}: {
  dir: string;
  storeDir: string;
  version: string;
}): Promise<StoredSiteHistory> {
  return storeSiteHistory(dir, storeDir, version);
}
