import { describe, expect, it } from 'vitest';
import { findSilentClaimChanges } from '../../src/checker/rules/silent-claim-change.ts';
import type { PublishedRevision } from '../../src/checker/rules/unannounced-change.ts';
import type { Claim } from '../../src/format/index.ts';

type Stated = Pick<Claim, 'id' | 'statement' | 'status'> & Partial<Claim>;
const claim = (statement: string, status: Claim['status'] = 'confirmed', extra: Partial<Claim> = {}): Claim => ({
  id: 'met',
  statement,
  status,
  sources: ['a'],
  ...extra,
});
const revision = (commit: string, date: string, claims: Stated[]): PublishedRevision => ({
  commit: commit.padEnd(40, '0'),
  date,
  article: { claims: claims.map((stated) => ({ sources: ['a'], ...stated })) },
  body: '',
});
const published = revision('a', '2025-05-20T10:00:00Z', [claim('They met.')]);

describe('findSilentClaimChanges', () => {
  it('asks for a correction citing a reworded or re-rated claim, with the old and new statement and status and the line to add', () => {
    const restated = revision('b', '2025-06-10T09:00:00+02:00', [
      claim("They met in May, at the leaders' request.", 'disputed'),
    ]);
    expect(
      findSilentClaimChanges(
        { claims: [claim("They met in May, at the leaders' request.", 'disputed')], corrections: [] },
        [published, restated],
      ),
    ).toEqual([
      {
        rule: 'silent-claim-change',
        severity: 'error',
        path: ['claims', 0, 'id'],
        message:
          'Claim "met" changed after publication: its statement went from "They met." to "They met in May, at the leaders\' request." and its status went from confirmed to disputed (commit b00000000000 of 2025-06-10), and no correction dated 2025-06-10 or later cites it; readers must be told, so add to corrections: - { date: 2025-06-10, text: \'We changed the claim [@met]: it said "They met."; it was rated confirmed, now disputed.\' }',
      },
    ]);
  });

  it('reports claims added and removed after publication, and a new wording', () => {
    const other = { id: 'talked', statement: 'They talked.', status: 'confirmed' as const };
    const later = revision('b', '2025-06-10T09:00:00Z', [
      claim('They met.', 'confirmed', { wording: 'we met', appearances: ['a'] }),
      other,
    ]);
    const removed = revision('c', '2025-06-12T09:00:00Z', [
      claim('They met.', 'confirmed', { wording: 'we met', appearances: ['a'] }),
    ]);
    expect(
      findSilentClaimChanges(
        { claims: [claim('They met.', 'confirmed', { wording: 'we met', appearances: ['a'] })], corrections: [] },
        [published, later, removed],
      ).map((finding) => [finding.path, finding.message]),
    ).toEqual([
      [
        ['claims', 0, 'id'],
        'Claim "met" changed after publication: its wording went from none to "we met" (commit b00000000000 of 2025-06-10), and no correction dated 2025-06-10 or later cites it; readers must be told, so add to corrections: - { date: 2025-06-10, text: \'We changed the claim [@met]: its quoted wording changed.\' }',
      ],
      [
        ['corrections'],
        'Claim "talked" changed after publication: it was added ("They talked.", confirmed), then back (commits of 2025-06-10 to 2025-06-12, the last c00000000000), and no correction dated 2025-06-12 or later cites it; readers must be told, so add to corrections: - { date: 2025-06-12, text: \'We added the claim [@talked].\' }',
      ],
    ]);
    const gone = revision('c', '2025-06-12T09:00:00Z', []);
    expect(findSilentClaimChanges({ claims: [], corrections: [] }, [published, gone])[0]!.message).toBe(
      'Claim "met" changed after publication: it was removed (it said "They met.", confirmed) (commit c00000000000 of 2025-06-12), and no correction dated 2025-06-12 or later cites it; readers must be told, so add to corrections: - { date: 2025-06-12, text: \'We removed the claim [@met], which said "They met.".\' }',
    );
  });

  it('accepts a correction citing the claim, dated the day of the change, the day before (time zones) or later; and changes of whitespace or punctuation only', () => {
    const restated = revision('b', '2025-06-10T09:00:00Z', [claim('They met in May.')]);
    const current = (date: string, text: string) => ({
      claims: [claim('They met in May.')],
      corrections: [{ date, text }],
    });
    expect(findSilentClaimChanges(current('2025-06-10', 'We reworded [@met].'), [published, restated])).toEqual([]);
    expect(findSilentClaimChanges(current('2025-06-09', 'We reworded [@other; @met].'), [published, restated])).toEqual(
      [],
    );
    expect(findSilentClaimChanges(current('2025-06-08', 'We reworded [@met].'), [published, restated])).toHaveLength(1);
    expect(
      findSilentClaimChanges(current('2025-06-10', 'We reworded the claim "met".'), [published, restated]),
    ).toHaveLength(1);
    const punctuated = revision('b', '2025-06-10T09:00:00Z', [claim('They  met!')]);
    expect(findSilentClaimChanges({ claims: [claim('They  met!')], corrections: [] }, [published, punctuated])).toEqual(
      [],
    );
  });
});
