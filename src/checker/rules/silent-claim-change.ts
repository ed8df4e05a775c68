import { correctionCitations } from '../../format/correction-citations.ts';
import { calendarDay, dayAfter } from '../../format/date.ts';
import type { Article, PastClaim } from '../../format/index.ts';
import type { FieldPath } from '../../reader/yaml.ts';
import type { Rule } from './rule.ts';
import { wording, type PublishedRevision } from './unannounced-change.ts';

/** A finding of this rule, positioned by its frontmatter field. */
export interface SilentClaimChange {
  rule: 'silent-claim-change';
  severity: 'error';
  path: FieldPath;
  message: string;
}

/** A claim as a published revision had it, or undefined when that revision did not have it. */
type Stated = Pick<PastClaim, 'id' | 'statement' | 'status' | 'wording'> | undefined;

/** One commit's change to one claim. */
interface ClaimChange {
  commit: string;
  /** The committer's calendar day. */
  day: string;
  before: Stated;
  after: Stated;
}

/** Whether a claim changed in what readers are told: its existence, statement, wording or status (whitespace and punctuation aside). */
function changed(before: Stated, after: Stated): boolean {
  if (!before || !after) return before !== after;
  return (
    wording(before.statement) !== wording(after.statement) ||
    wording(before.wording ?? '') !== wording(after.wording ?? '') ||
    before.status !== after.status
  );
}

/** A value in YAML single quotes, for the correction line the message offers. */
const yamlQuoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** What happened to the claim, from its state before the first unannounced change to its state after the last. */
function describe(before: Stated, after: Stated): string {
  if (!before) return `it was added ("${after!.statement}", ${after!.status})`;
  if (!after) return `it was removed (it said "${before.statement}", ${before.status})`;
  const parts: string[] = [];
  if (wording(before.statement) !== wording(after.statement))
    parts.push(`its statement went from "${before.statement}" to "${after.statement}"`);
  if (wording(before.wording ?? '') !== wording(after.wording ?? '')) {
    parts.push(
      `its wording went from ${before.wording === undefined ? 'none' : `"${before.wording}"`} to ${after.wording === undefined ? 'none' : `"${after.wording}"`}`,
    );
  }
  if (before.status !== after.status) parts.push(`its status went from ${before.status} to ${after.status}`);
  return parts.join(' and ');
}

/** The correction text the message offers for the change. */
function correctionText(id: string, before: Stated, after: Stated): string {
  if (!before) return `We added the claim [@${id}].`;
  if (!after) return `We removed the claim [@${id}], which said "${before.statement}".`;
  const parts: string[] = [];
  if (wording(before.statement) !== wording(after.statement)) parts.push(`it said "${before.statement}"`);
  if (wording(before.wording ?? '') !== wording(after.wording ?? '')) parts.push('its quoted wording changed');
  if (before.status !== after.status) parts.push(`it was rated ${before.status}, now ${after.status}`);
  return `We changed the claim [@${id}]: ${parts.join('; ')}.`;
}

/**
 * No claim changes silently: when git shows that a claim's statement, wording or status changed,
 * or a claim was added or removed, after a published revision, a correction dated on or after the
 * change (a day of grace, for time zones; the committer's day) cites the claim as `[@claim-id]`.
 * Like unannounced-change it needs the article's committed history, so `npm run check` and
 * `npm run build` apply it from one read of git (src/build/history-check.ts, findSilentClaimChanges).
 *
 * Good: a commit of 2025-06-10 rewords claim `met`, and the article has a correction dated
 * 2025-06-10 saying `We reworded [@met]: it said "They met."`.
 * Bad: the same commit without the correction:
 * `Claim "met" changed after publication: its statement went from "They met." to "They met in May." (commit ...), and no correction dated 2025-06-10 or later cites it; ...`
 */
export const silentClaimChange: Rule = {
  id: 'silent-claim-change',
  severity: 'error',
  description:
    'A claim changed after publication (statement, wording, status, added or removed) is named by a correction as [@claim-id] (applied from git history).',
};

/**
 * The findings of `silent-claim-change` for an article as it is now (`current`, with its
 * corrections) and its published revisions, oldest first. Changes of whitespace or punctuation
 * alone do not count, nor do changes made while the article was a draft (only published revisions
 * are given), nor uncommitted edits. A claim is reported once, from its state before the first
 * change that no correction covers to its state in the last revision (or, for a change undone
 * since, which readers saw all the same, to its state after that first change, "then back").
 *
 * Bad: a commit of 2025-06-10 restated claim `met`; no correction cites `[@met]`.
 * Good: a correction dated 2025-06-10 (or 2025-06-09, a day of grace) cites `[@met]`.
 */
export function findSilentClaimChanges(
  current: Pick<Article, 'claims' | 'corrections'>,
  revisions: readonly PublishedRevision[],
): SilentClaimChange[] {
  const changes = new Map<string, ClaimChange[]>();
  for (let index = 1; index < revisions.length; index++) {
    const before = new Map(revisions[index - 1]!.article.claims.map((claim) => [claim.id, claim]));
    const after = new Map(revisions[index]!.article.claims.map((claim) => [claim.id, claim]));
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      if (!changed(before.get(id), after.get(id))) continue;
      const list = changes.get(id) ?? [];
      list.push({
        commit: revisions[index]!.commit,
        day: calendarDay(revisions[index]!.date),
        before: before.get(id),
        after: after.get(id),
      });
      changes.set(id, list);
    }
  }
  // The latest day each claim is told of: the newest correction that cites it.
  const told = new Map<string, string>();
  for (const correction of current.corrections) {
    const day = calendarDay(correction.date);
    for (const id of correctionCitations(correction.text)) if (!told.has(id) || told.get(id)! < day) told.set(id, day);
  }
  const findings: SilentClaimChange[] = [];
  for (const [id, list] of changes) {
    const toldOn = told.get(id);
    // A correction dated the day before a change covers it (time zones), and every earlier change.
    const untold = list.filter((change) => toldOn === undefined || dayAfter(toldOn) < change.day);
    if (untold.length === 0) continue;
    const first = untold[0]!;
    const last = untold.at(-1)!;
    // A change undone later was still seen by readers in between: it is described, then "and back".
    const undone = !changed(first.before, last.after);
    const after = undone ? first.after : last.after;
    const index = current.claims.findIndex((claim) => claim.id === id);
    const commits =
      untold.length === 1
        ? `commit ${last.commit.slice(0, 12)} of ${last.day}`
        : `commits of ${first.day} to ${last.day}, the last ${last.commit.slice(0, 12)}`;
    findings.push({
      rule: 'silent-claim-change',
      severity: 'error',
      path: index === -1 ? ['corrections'] : ['claims', index, 'id'],
      message:
        `Claim "${id}" changed after publication: ${describe(first.before, after)}${undone ? ', then back' : ''} (${commits}), and no correction dated ${last.day} or later cites it; ` +
        `readers must be told, so add to corrections: - { date: ${last.day}, text: ${yamlQuoted(correctionText(id, first.before, after))} }`,
    });
  }
  return findings;
}
