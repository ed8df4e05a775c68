import { resolve } from 'node:path';
import { articlesDir } from '../format/article-files.ts';
import { unsafeUrlReason, type Source } from '../format/index.ts';
import { locksDirFor, readLock, type LockEntry } from '../sources/lock.ts';

/** What `npm run sources` last found for each source of an article, by id. */
export type SourceLocks = ReadonlyMap<string, LockEntry>;

/**
 * The lock entries of an article (content/sources/<slug>.lock.json) that are about the addresses
 * the article names now. No lock file, or one that cannot be read (the checker warns about it),
 * gives none: a missing lock never stops a page.
 */
export function sourceLocks(
  slug: string,
  sources: readonly Pick<Source, 'id' | 'url'>[],
  folder = resolve(articlesDir()),
): SourceLocks {
  const { lock } = readLock(locksDirFor(folder), slug);
  const entries = new Map<string, LockEntry>();
  for (const source of sources) {
    const entry = lock?.sources[source.id];
    if (entry && entry.url === source.url) entries.set(source.id, entry);
  }
  return entries;
}

/** What a source's card says about the source check. */
export interface SourceCheck {
  /** The day a check last found the quote on the page (`YYYY-MM-DD`), when it did. */
  quoteFound?: string | undefined;
  /** The link no longer works (3 failed checks, days apart). */
  dead: boolean;
  /** An archived copy: the frontmatter's `archive`, else the one the lock recorded. */
  archive?: string | undefined;
}

/** What the card of `source` shows from its lock entry, if any. */
export function sourceCheck(source: Pick<Source, 'quote' | 'archive'>, entry: LockEntry | undefined): SourceCheck {
  // A lock file is edited by hand at times: only a plain http(s) address becomes a link.
  const locked = entry?.archive && unsafeUrlReason(entry.archive) === null ? entry.archive : undefined;
  const found = entry?.quote === 'exact' || entry?.quote === 'normalized' || entry?.quote === 'fuzzy';
  return {
    quoteFound: source.quote !== undefined && found && !entry.dead ? entry.checked.slice(0, 10) : undefined,
    dead: entry?.dead === true,
    archive: source.archive ?? locked,
  };
}
