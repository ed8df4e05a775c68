import { existsSync, readFileSync } from 'node:fs';
import { z } from '../format/zod.ts';
import { lockPath } from './lock-path.ts';
import { QUOTE_MATCHES } from './quote-match.ts';

export { LOCKS_DIR, lockPath, locksDirFor } from './lock-path.ts';

/** Failed checks, each at least DEAD_AFTER_DAYS after the one before, after which a source is dead. */
export const DEAD_AFTER_FAILURES = 3;
export const DEAD_AFTER_DAYS = 3;

const instant = z.iso.datetime();

/** What the last checks of one source found. */
export const lockEntrySchema = z.strictObject({
  /** The address in the article when it was checked. */
  url: z.string(),
  /** Where the redirects led. */
  finalUrl: z.string(),
  /** Each redirect followed: its status and where it led. */
  redirects: z.array(z.strictObject({ status: z.number().int(), to: z.string() })),
  /** The status of the last answer; null when none came. */
  httpStatus: z.number().int().nullable(),
  /** The Content-Type of the last answer, without parameters. */
  contentType: z.string().nullable(),
  /** Why the page could not be read: timeout, dns, refused, reset, redirects, bad-redirect, too-large, network, unreadable; null when it was. */
  error: z.string().nullable(),
  /** When this record last changed (UTC): a check that finds everything as it was leaves it alone. */
  checked: instant,
  /** SHA-256 of the page's readable text, white space collapsed, at the last successful read. */
  textSha256: z.string().nullable(),
  /** When a check first found the text different from the check before; null when it never was. */
  changedSince: instant.nullable(),
  /** How the quote was found at the last successful read; `none` when the source has no quote; null when the page was never read. */
  quote: z.enum([...QUOTE_MATCHES, 'none']).nullable(),
  /** Similarity of the best passage (1 for exact and normalized). */
  quoteScore: z.number().min(0).max(1).nullable(),
  /** An archived copy's address, as the Wayback Machine returned it. */
  archive: z.string().nullable(),
  /** Failed checks counted towards `dead` (each at least 3 days after the one before). */
  failures: z.number().int().min(0),
  /** When the first of those failures was. */
  firstFailure: instant.nullable(),
  /** True after 3 counted failures: the link no longer works. */
  dead: z.boolean(),
});

export type LockEntry = z.output<typeof lockEntrySchema>;

/** One article's lock file. */
export const sourceLockSchema = z.strictObject({
  article: z.string(),
  sources: z.record(z.string(), lockEntrySchema),
});

export type SourceLock = z.output<typeof sourceLockSchema>;

const ENTRY_KEYS = Object.keys(lockEntrySchema.shape) as (keyof LockEntry)[];

/** A lock entry with its keys in the documented order. */
export function orderedEntry(entry: LockEntry): LockEntry {
  return Object.fromEntries(ENTRY_KEYS.map((key) => [key, entry[key]])) as LockEntry;
}

/** The lock file's text: keys in a fixed order, sources sorted by id, two-space indents, a final newline. */
export function serializeLock(lock: SourceLock): string {
  const ids = Object.keys(lock.sources).sort();
  const sources = Object.fromEntries(ids.map((id) => [id, orderedEntry(lock.sources[id]!)]));
  return `${JSON.stringify({ article: lock.article, sources }, null, 2)}\n`;
}

/** What reading a lock file gave: nothing (no file), the lock, or why it cannot be used. */
export type ReadLock =
  | { lock?: undefined; problem?: undefined }
  | { lock: SourceLock; problem?: undefined }
  | { lock?: undefined; problem: string };

/** Parses a lock file's text. */
export function parseLock(text: string): ReadLock {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `it is not valid JSON (${(error as Error).message}); delete it and run npm run sources again` };
  }
  const result = sourceLockSchema.safeParse(data);
  if (result.success) return { lock: result.data };
  const issue = result.error.issues[0]!;
  return { problem: `${issue.path.join('.') || 'the file'} ${issue.message}; delete it and run npm run sources again` };
}

/** Reads an article's lock file; nothing when there is none (a new article, say). */
export function readLock(locksDir: string, slug: string): ReadLock {
  const path = lockPath(locksDir, slug);
  if (!existsSync(path)) return {};
  return parseLock(readFileSync(path, 'utf8'));
}
