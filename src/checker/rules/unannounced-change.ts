import { calendarDay, dayAfter } from '../../format/date.ts';
import type { Article, PastArticle } from '../../format/index.ts';
import type { FieldPath } from '../../reader/yaml.ts';
import type { Rule } from './rule.ts';

/** A published revision of an article, as git holds it. */
export interface PublishedRevision {
  /** Full commit hash. */
  commit: string;
  /** Commit date, ISO 8601 with the committer's offset; its calendar day is the committer's. */
  date: string;
  article: Pick<PastArticle, 'claims'>;
  /** The body's text as readers read it: HTML comments and other markup left out (see src/history/visible-text.ts). */
  body: string;
}

/** A finding of this rule, positioned by its frontmatter field. */
export interface UnannouncedChange {
  rule: 'unannounced-change';
  severity: 'warning';
  path: FieldPath;
  message: string;
}

/** Text with whitespace and punctuation taken out: a change to those alone is no change to what it says. */
export const wording = (text: string) => text.replace(/[\s\p{P}]+/gu, '');

/** What a revision changed that readers must be told of: the text, a claim's statement, a claim's status. */
function substantiveChanges(before: PublishedRevision, after: PublishedRevision): string[] {
  const changed: string[] = [];
  if (wording(before.body) !== wording(after.body)) changed.push('the text');
  const old = new Map(before.article.claims.map((claim) => [claim.id, claim]));
  for (const claim of after.article.claims) {
    const earlier = old.get(claim.id);
    if (!earlier) continue;
    if (wording(earlier.statement) !== wording(claim.statement)) changed.push(`the statement of claim "${claim.id}"`);
    if (earlier.status !== claim.status)
      changed.push(`the status of claim "${claim.id}" (${earlier.status} → ${claim.status})`);
  }
  return changed;
}

/**
 * Git shows no commit that changed the article's text, a claim's statement or a claim's status
 * more than one day after the article's `updated` (or `published`), which readers would not be told
 * of. It needs the article's committed history, which the check of one file's text (cached by that
 * text) does not have: `npm run check` and `npm run build` apply it to every file they check, from
 * one read of git (src/build/history-check.ts, src/checker/check-history.ts, findUnannouncedChange).
 *
 * Good: a commit of 2025-06-10 that edits a paragraph and sets `updated: 2025-06-10`.
 * Bad: `updated: 2025-05-20`, and a commit of 2025-06-10 changed a paragraph:
 * `Commit 86fcad26eb1f of 2025-06-10 changed the text, but updated is 2025-05-20; ...`
 */
export const unannouncedChange: Rule = {
  id: 'unannounced-change',
  severity: 'warning',
  description:
    'No committed change to the text, a claim statement or a claim status comes more than a day after updated (applied from git history).',
};

/**
 * The findings of `unannounced-change`: git shows that a commit changed the article's text, a claim's
 * statement or a claim's status more than one day after the article's `updated` (or `published`
 * when there is none), so readers were not told of the change. Changes of whitespace or
 * punctuation alone do not count, nor do changes made while the article was a draft (only
 * published revisions are given), nor uncommitted edits. Moving `updated` to the day of the
 * change or later settles it. Reports the latest such commit.
 *
 * Bad: `updated: 2025-05-20`, and a commit of 2025-06-10 changed a paragraph.
 * Good: the same commit also set `updated: 2025-06-10`.
 */
export function findUnannouncedChange(
  current: Pick<Article, 'published' | 'updated'>,
  revisions: readonly PublishedRevision[],
): UnannouncedChange[] {
  const field = current.updated === undefined ? 'published' : 'updated';
  const lastChange = calendarDay(current.updated ?? current.published);
  let latest: { revision: PublishedRevision; changed: string[] } | undefined;
  for (let index = 1; index < revisions.length; index++) {
    const revision = revisions[index]!;
    const day = calendarDay(revision.date);
    if (day <= dayAfter(lastChange) || (latest && day < calendarDay(latest.revision.date))) continue;
    const changed = substantiveChanges(revisions[index - 1]!, revision);
    if (changed.length > 0) latest = { revision, changed };
  }
  if (!latest) return [];
  const day = calendarDay(latest.revision.date);
  const what =
    latest.changed.length < 2
      ? latest.changed.join('')
      : `${latest.changed.slice(0, -1).join(', ')} and ${latest.changed.at(-1)}`;
  return [
    {
      rule: 'unannounced-change',
      severity: 'warning',
      path: [field],
      message: `Commit ${latest.revision.commit.slice(0, 12)} of ${day} changed ${what}, but ${field} is ${current[field]}; readers are not told of the change, so set updated to ${day} or later (and add a correction if it fixes a mistake).`,
    },
  ];
}
