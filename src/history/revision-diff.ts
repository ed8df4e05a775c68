import { diffArrays, diffWords } from 'diff';
import type { AnyClaimStatus, Claim } from '../format/index.ts';
import type { Snapshot } from './snapshot.ts';
import { squash } from './visible-text.ts';

/** A run of words in a word-level diff: kept, inserted or deleted. */
export interface WordRun {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/** One change between two published revisions, in a reader's terms. */
export type Change =
  | { kind: 'field-changed'; field: 'title' | 'description'; words: WordRun[] }
  | { kind: 'paragraph-added'; text: string }
  | { kind: 'paragraph-removed'; text: string }
  | { kind: 'paragraph-changed'; words: WordRun[] }
  | { kind: 'claim-added'; claim: string; statement: string; status: AnyClaimStatus }
  | { kind: 'claim-removed'; claim: string; statement: string }
  | { kind: 'claim-statement-changed'; claim: string; words: WordRun[] }
  | { kind: 'claim-wording-changed'; claim: string; statement: string; words: WordRun[] }
  | { kind: 'claim-note-changed'; claim: string; statement: string; words: WordRun[] }
  | { kind: 'claim-status-changed'; claim: string; statement: string; from: AnyClaimStatus; to: AnyClaimStatus }
  | { kind: 'source-added'; source: string; publisher: string; title: string }
  | { kind: 'source-removed'; source: string; publisher: string; title: string }
  | { kind: 'correction-added'; date: string; text: string }
  | { kind: 'correction-changed'; date: string; words: WordRun[] }
  | { kind: 'correction-removed'; date: string; text: string }
  | { kind: 'other'; fields: string[] };

/** Word-level diff of two texts, as runs of kept, inserted and deleted words. */
export function wordDiff(before: string, after: string): WordRun[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'ins' : change.removed ? 'del' : 'same',
    text: change.value,
  }));
}

/** The frontmatter fields a reader's summary covers; a change to any other is listed by name. */
const SUMMARISED = new Set(['title', 'description', 'claims', 'sources', 'corrections', 'draft']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of a claim whose changes are shown word by word. */
const CLAIM_SHOWN: (keyof Claim)[] = ['statement', 'status', 'wording', 'note'];

/**
 * What changed from one published revision to the next, as readers saw it: title and description,
 * paragraphs of the visible text added, removed or changed (word by word; `blocksOf` gives a
 * revision's visible text, see visible-text.ts), claims added, removed, restated, requoted,
 * annotated or rated differently, sources added or removed, corrections added, reworded or removed, and the names of
 * other fields that changed (names only: their values are not all shown on a page).
 */
export function diffSnapshots(
  before: Snapshot,
  after: Snapshot,
  blocksOf: (snapshot: Snapshot) => string[],
  /** A source's publisher as the page names it (the registry's name for an id). */
  publisherName: (source: Snapshot['article']['sources'][number]) => string = (source) => source.publisher,
): Change[] {
  const changes: Change[] = [];
  const a = before.article;
  const b = after.article;
  for (const field of ['title', 'description'] as const) {
    if (squash(a[field]) !== squash(b[field]))
      changes.push({ kind: 'field-changed', field, words: wordDiff(a[field], b[field]) });
  }
  changes.push(...diffParagraphs(blocksOf(before), blocksOf(after)));

  const oldClaims = new Map(a.claims.map((claim) => [claim.id, claim]));
  const newClaims = new Map(b.claims.map((claim) => [claim.id, claim]));
  for (const claim of b.claims) {
    const old = oldClaims.get(claim.id);
    if (!old) {
      changes.push({ kind: 'claim-added', claim: claim.id, statement: claim.statement, status: claim.status });
      continue;
    }
    if (squash(old.statement) !== squash(claim.statement)) {
      changes.push({
        kind: 'claim-statement-changed',
        claim: claim.id,
        words: wordDiff(old.statement, claim.statement),
      });
    }
    for (const [field, kind] of [
      ['wording', 'claim-wording-changed'],
      ['note', 'claim-note-changed'],
    ] as const) {
      const was = old[field] ?? '';
      const is = claim[field] ?? '';
      if (squash(was) !== squash(is))
        changes.push({ kind, claim: claim.id, statement: claim.statement, words: wordDiff(was, is) });
    }
    if (old.status !== claim.status) {
      changes.push({
        kind: 'claim-status-changed',
        claim: claim.id,
        statement: claim.statement,
        from: old.status,
        to: claim.status,
      });
    }
  }
  for (const claim of a.claims) {
    if (!newClaims.has(claim.id)) changes.push({ kind: 'claim-removed', claim: claim.id, statement: claim.statement });
  }

  const oldSources = new Set(a.sources.map((source) => source.id));
  const newSources = new Set(b.sources.map((source) => source.id));
  for (const source of b.sources) {
    if (!oldSources.has(source.id))
      changes.push({ kind: 'source-added', source: source.id, publisher: publisherName(source), title: source.title });
  }
  for (const source of a.sources) {
    if (!newSources.has(source.id))
      changes.push({
        kind: 'source-removed',
        source: source.id,
        publisher: publisherName(source),
        title: source.title,
      });
  }

  // A correction whose text changed keeps its date: the first one gone of a date is paired with the
  // first new one of that date, and shown word by word; any other new one is added, any other gone is removed.
  const key = (correction: { date: string; text: string }) => `${correction.date}\n${squash(correction.text)}`;
  const newKeys = new Set(b.corrections.map(key));
  const oldKeys = new Set(a.corrections.map(key));
  const gone = a.corrections.filter((correction) => !newKeys.has(key(correction)));
  for (const correction of b.corrections) {
    if (oldKeys.has(key(correction))) continue;
    const earlier = gone.findIndex((candidate) => candidate.date === correction.date);
    if (earlier === -1) {
      changes.push({ kind: 'correction-added', date: correction.date, text: correction.text });
      continue;
    }
    changes.push({
      kind: 'correction-changed',
      date: correction.date,
      words: wordDiff(gone[earlier]!.text, correction.text),
    });
    gone.splice(earlier, 1);
  }
  for (const correction of gone)
    changes.push({ kind: 'correction-removed', date: correction.date, text: correction.text });

  // Other fields, and details of claims and sources that the summary above does not name.
  const fields = Object.keys({ ...a, ...b })
    .filter((field) => !SUMMARISED.has(field) && !same(a[field as keyof typeof a], b[field as keyof typeof b]))
    .sort();
  const strip = <T extends object>(items: T[], keep: (keyof T)[]) =>
    items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !keep.includes(key as keyof T))));
  const sharedSources = (list: typeof a.sources, ids: Set<string>) => list.filter((source) => ids.has(source.id));
  if (!same(strip(sharedSources(a.sources, newSources), []), strip(sharedSources(b.sources, oldSources), [])))
    fields.push('sources');
  const sharedClaims = (list: typeof a.claims, ids: Map<string, unknown>) => list.filter((claim) => ids.has(claim.id));
  if (
    !same(strip(sharedClaims(a.claims, newClaims), CLAIM_SHOWN), strip(sharedClaims(b.claims, oldClaims), CLAIM_SHOWN))
  ) {
    fields.push('claims');
  }
  if (fields.length > 0) changes.push({ kind: 'other', fields });
  return changes;
}

/**
 * Paragraph changes: paragraphs are matched in order; where some are removed and others added in
 * the same place, they are paired in order as changed paragraphs, shown word by word.
 */
function diffParagraphs(before: string[], after: string[]): Change[] {
  const changes: Change[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    const paired = Math.min(removed.length, added.length);
    for (let index = 0; index < paired; index++)
      changes.push({ kind: 'paragraph-changed', words: wordDiff(removed[index]!, added[index]!) });
    for (const text of removed.slice(paired)) changes.push({ kind: 'paragraph-removed', text });
    for (const text of added.slice(paired)) changes.push({ kind: 'paragraph-added', text });
    removed = [];
  };
  for (const part of diffArrays(before, after)) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) flush(part.value);
    else flush([]);
  }
  flush([]);
  return changes;
}
