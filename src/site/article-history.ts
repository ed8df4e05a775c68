import type { Article, Correction } from '../format/index.ts';
import { correctionKey, type ArticleHistory, type StatusEntry } from '../history/article-history.ts';

/** The id of a revision's entry on the history page. */
export const revisionAnchor = (commit: string) => `rev-${commit.slice(0, 12)}`;

/** The article header's link to the history: "Updated 3 times: see every change". */
export function updatesLabel(history: ArticleHistory): string {
  const updates = history.revisions.filter((revision) => !revision.first).length;
  if (updates === 0) return 'Not changed since publication: see its history';
  return `Updated ${updates === 1 ? 'once' : updates === 2 ? 'twice' : `${updates} times`}: see every change`;
}

/**
 * Each claim's statuses, oldest first, by claim id: the committed ones from git, then the status in
 * the article as built when it is not the last committed one (an edit not committed yet, or no git
 * at all), dated by the article's last update.
 */
export function claimStatusHistories(
  article: Article,
  history: ArticleHistory | undefined,
): Record<string, StatusEntry[]> {
  return Object.fromEntries(
    article.claims.map((claim) => {
      const committed = history?.statusHistory[claim.id] ?? [];
      const current =
        committed.at(-1)?.status === claim.status
          ? []
          : [{ date: article.updated ?? article.published, status: claim.status, commit: null }];
      return [claim.id, [...committed, ...current]];
    }),
  );
}

/** The commit that added a correction, when git knows it. */
export function correctionCommit(correction: Correction, history: ArticleHistory | undefined): string | undefined {
  return history?.corrections[correctionKey(correction)];
}

/** How the history page names a field whose change it does not show word by word. */
const FIELD_NAMES: Record<string, string> = {
  authors: 'the authors',
  claims: 'details of claims',
  published: 'the publication date',
  sources: 'details of sources',
  timeline: 'the timeline',
  topics: 'the topics',
  updated: 'the update date',
};

/** "Also changed: the timeline and the update date." */
export function otherChangesLabel(fields: readonly string[]): string {
  const names = fields.map((field) => FIELD_NAMES[field] ?? `the ${field} field`);
  const listed = names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Also changed: ${listed}.`;
}
