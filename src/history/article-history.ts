import { calendarDay, type AnyClaimStatus } from '../format/index.ts';
import { showPublisher, type DescribablePublisher } from '../template/publisher-description.ts';
import type { FileCommit } from './git-log.ts';
import { diffSnapshots, type Change } from './revision-diff.ts';
import type { Snapshot } from './snapshot.ts';
import { attributionText, visibleBlocks } from './visible-text.ts';

/**
 * One published revision of an article, as readers saw it. Nothing of the workshop: no commit
 * message, no author; the hash only names the revision.
 */
export interface Revision {
  /** Full commit hash. */
  commit: string;
  /** Commit date, UTC, `YYYY-MM-DDThh:mm:ssZ`. */
  date: string;
  /**
   * The article's own note on this revision: the texts of its corrections dated the revision's
   * day (the committer's), then the commit's `Public-note:` trailers; empty when it has neither.
   */
  notes: string[];
  /** True for the first published revision shown (its changes are empty). */
  first: boolean;
  /** What changed since the previous published revision. */
  changes: Change[];
}

/** A claim's status from one revision on. */
export interface StatusEntry {
  date: string;
  status: AnyClaimStatus;
  /** The commit that gave the claim this status; null for a status not committed yet. */
  commit: string | null;
}

/** Everything the site publishes about an article's past. */
export interface ArticleHistory {
  /** Published revisions, newest first. */
  revisions: Revision[];
  /** Each claim's statuses, oldest first, by claim id (claims of any published revision). */
  statusHistory: Record<string, StatusEntry[]>;
  /** The commit that added each correction, keyed by `date` + newline + text. */
  corrections: Record<string, string>;
  /** True when the repository is a shallow clone: earlier revisions are missing. */
  shallow: boolean;
}

/** A commit's date in UTC, `YYYY-MM-DDThh:mm:ssZ`. */
export const utcDate = (date: string) => new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The key of a correction in `ArticleHistory.corrections`. */
export const correctionKey = (correction: { date: string; text: string }) =>
  `${correction.date}\n${correction.text.replace(/\s+/g, ' ').trim()}`;

/**
 * The history of one article from its commits, oldest first, each with its published state (or
 * undefined for a draft or an unpublishable revision, which is left out: changes made while the
 * article was a draft appear as part of the next published revision). A commit that changes nothing
 * a reader sees is left out too.
 */
export function articleHistory(
  commits: readonly { commit: FileCommit; snapshot: Snapshot | undefined }[],
  shallow: boolean,
  /** The publisher registry, for the names citations show. */
  publishers: Readonly<Record<string, DescribablePublisher>> = {},
): ArticleHistory {
  const blocks = new WeakMap<Snapshot, string[]>();
  const blocksOf = (snapshot: Snapshot) => {
    let text = blocks.get(snapshot);
    if (!text) {
      text = visibleBlocks(snapshot.body, attributionText(snapshot.article, publishers));
      blocks.set(snapshot, text);
    }
    return text;
  };
  const revisions: Revision[] = [];
  const statusHistory: Record<string, StatusEntry[]> = {};
  const corrections: Record<string, string> = {};
  let previous: Snapshot | undefined;
  for (const { commit, snapshot } of commits) {
    if (!snapshot) continue;
    const date = utcDate(commit.date);
    const changes = previous
      ? diffSnapshots(previous, snapshot, blocksOf, (source) => showPublisher(source, publishers).name)
      : [];
    // A commit that changed nothing a reader sees (a rename, a rewrapped line) is no revision.
    if (previous && changes.length === 0) continue;
    revisions.push({
      commit: commit.commit,
      date,
      notes: [
        ...snapshot.article.corrections
          .filter((correction) => calendarDay(correction.date) === calendarDay(commit.date))
          .map((correction) => correction.text),
        ...commit.publicNotes,
      ],
      first: previous === undefined,
      changes,
    });
    for (const claim of snapshot.article.claims) {
      const entries = (statusHistory[claim.id] ??= []);
      if (entries.at(-1)?.status !== claim.status) entries.push({ date, status: claim.status, commit: commit.commit });
    }
    for (const correction of snapshot.article.corrections) corrections[correctionKey(correction)] ??= commit.commit;
    previous = snapshot;
  }
  return { revisions: revisions.reverse(), statusHistory, corrections, shallow };
}
