import type { Redirect } from './fetch-source.ts';
import { DEAD_AFTER_DAYS, DEAD_AFTER_FAILURES, orderedEntry, type LockEntry } from './lock.ts';
import type { QuoteResult } from './quote-match.ts';

/** Statuses of paywalls and bot walls: the page is there, it only will not show itself to us. */
export const BLOCKED_STATUSES = new Set([401, 402, 403, 429]);

/** What one check of one source observed. */
export type Observation = {
  finalUrl: string;
  redirects: Redirect[];
  httpStatus: number | null;
  contentType: string | null;
} & (
  | /** The page answered and its text was read. */ { kind: 'read'; textSha256: string; quote: QuoteResult | 'none' }
  | /** The page answered 2xx, but its text could not be read (too large, an image). */ {
      kind: 'unreadable';
      error: string;
    }
  | /** A paywall or bot wall answered (401, 402, 403, 429): never counts towards dead. */ { kind: 'blocked' }
  | /** No page: 404, 410, another 4xx or 5xx, DNS failure, refused connection, timeout. */ {
      kind: 'failed';
      error: string | null;
    }
);

const DAY = 24 * 60 * 60 * 1000;

/** An instant as the lock file writes it: UTC, to the second. */
export const lockTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const same = (a: LockEntry, b: LockEntry) => JSON.stringify(orderedEntry(a)) === JSON.stringify(orderedEntry(b));

/**
 * The lock entry after a check. A failure counts towards `dead` only when it comes at least 3 days
 * after the last counted one (a failure sooner changes nothing); 3 counted failures make the source
 * dead; a success resets the count; a paywall neither counts nor resets. `checked` moves only when
 * something else in the entry changes, so checking unchanged pages leaves the file as it was.
 * An entry for another address than `url` is not carried over.
 */
export function nextEntry(
  previous: LockEntry | undefined,
  url: string,
  observation: Observation,
  {
    now,
    archive,
  }: { now: Date; /** The archived copy found by this run, if any. */ archive?: string | null | undefined },
): LockEntry {
  const before = previous?.url === url ? previous : undefined;
  const at = lockTime(now);
  const kept = {
    textSha256: before?.textSha256 ?? null,
    changedSince: before?.changedSince ?? null,
    quote: before?.quote ?? null,
    quoteScore: before?.quoteScore ?? null,
  };
  const answer = {
    url,
    finalUrl: observation.finalUrl,
    redirects: observation.redirects,
    httpStatus: observation.httpStatus,
    contentType: observation.contentType === null ? null : observation.contentType.split(';')[0]!.trim().toLowerCase(),
  };
  const archived = archive ?? before?.archive ?? null;
  const healthy = { failures: 0, firstFailure: null, dead: false };
  let candidate: LockEntry;
  switch (observation.kind) {
    case 'read': {
      const changed = before?.textSha256 != null && before.textSha256 !== observation.textSha256;
      candidate = {
        ...answer,
        error: null,
        checked: before?.checked ?? at,
        textSha256: observation.textSha256,
        changedSince: changed ? at : kept.changedSince,
        quote: observation.quote === 'none' ? 'none' : observation.quote.match,
        quoteScore: observation.quote === 'none' ? null : observation.quote.score,
        archive: archived,
        ...healthy,
      };
      break;
    }
    case 'unreadable':
      candidate = {
        ...answer,
        error: observation.error,
        checked: before?.checked ?? at,
        ...kept,
        archive: archived,
        ...healthy,
      };
      break;
    case 'blocked':
      candidate = {
        ...answer,
        error: null,
        checked: before?.checked ?? at,
        ...kept,
        archive: archived,
        failures: before?.failures ?? 0,
        firstFailure: before?.firstFailure ?? null,
        dead: before?.dead ?? false,
      };
      break;
    case 'failed': {
      const tooSoon =
        before !== undefined &&
        before.failures > 0 &&
        now.getTime() - Date.parse(before.checked) < DEAD_AFTER_DAYS * DAY;
      if (tooSoon) return archived === before.archive ? before : { ...before, archive: archived, checked: at };
      const failures = (before?.failures ?? 0) + 1;
      candidate = {
        ...answer,
        error: observation.error,
        checked: at,
        ...kept,
        archive: archived,
        failures,
        firstFailure: before?.firstFailure ?? at,
        dead: failures >= DEAD_AFTER_FAILURES,
      };
      break;
    }
  }
  if (before && same(candidate, before)) return before;
  return { ...candidate, checked: at };
}
