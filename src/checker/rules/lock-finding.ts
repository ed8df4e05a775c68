import type { Article, Source } from '../../format/index.ts';
import type { LockEntry, SourceLock } from '../../sources/lock.ts';
import type { Severity } from '../diagnostic.ts';

/** A finding from an article's lock file (content/sources/<slug>.lock.json), positioned by field. */
export interface LockFinding {
  rule: 'quote-missing' | 'source-dead' | 'source-changed';
  severity: Severity;
  /** The frontmatter field the finding is about. */
  path: (string | number)[];
  message: string;
}

/**
 * Each source with what its lock entry says, when the entry is about the address the article
 * names now: a source never checked, or checked at another address, has nothing to say yet.
 */
export function lockedSources(
  article: Article,
  lock: SourceLock,
): { source: Source; index: number; entry: LockEntry }[] {
  return article.sources.flatMap((source, index) => {
    const entry = lock.sources[source.id];
    return entry && entry.url === source.url ? [{ source, index, entry }] : [];
  });
}

/** The day of a lock instant, `2026-11-25`. */
export const lockDay = (instant: string): string => instant.slice(0, 10);
