import { describe, expect, it } from 'vitest';
import { readSiteHistory } from '../../src/history/read-history.ts';
import { fixtureRepo, gitIn } from '../helpers/git-repo.ts';
import { writeArticles } from '../helpers/site.ts';
import { HISTORY_STEPS, REVISIONS } from './fixture.ts';

describe('readSiteHistory', () => {
  it('reads every published revision of a renamed article, newest first, without its draft period', async () => {
    const { articles } = fixtureRepo(HISTORY_STEPS);
    const history = await readSiteHistory(articles);
    if (history.status !== 'ok') throw new Error('no history');
    expect(history.shallow).toBe(false);
    expect([...history.articles.keys()]).toEqual(['istanbul-talks']);
    const talks = history.articles.get('istanbul-talks')!;
    // No commit message, no author: the date, the article's own note (the correction of the day) and what changed.
    expect(talks.revisions.map((revision) => Object.keys(revision))).toEqual(
      Array(3).fill(['commit', 'date', 'notes', 'first', 'changes']),
    );
    expect(talks.revisions.map(({ date, notes, first }) => ({ date, notes, first }))).toEqual([
      {
        date: '2025-05-25T08:00:00Z',
        notes: [
          'An earlier version said the ceasefire had no length; it was 30 days. We also confirmed the claim [@ceasefire-demand].',
        ],
        first: false,
      },
      { date: '2025-05-22T09:30:00Z', notes: [], first: false },
      { date: '2025-05-20T10:00:00Z', notes: [], first: true },
    ]);
    expect(JSON.stringify(talks)).not.toContain('Ben Reviewer');
    expect(JSON.stringify(talks)).not.toContain('Publish the talks explainer');
    expect(JSON.stringify(talks)).not.toContain('only the draft had');
    expect(JSON.stringify(talks)).not.toContain('@example.org');
    expect(talks.revisions[1]!.changes).toEqual([
      {
        kind: 'claim-status-changed',
        claim: 'ceasefire-demand',
        statement: 'European leaders demanded a 30-day ceasefire.',
        from: 'disputed',
        to: 'confirmed',
      },
      { kind: 'other', fields: ['updated'] },
    ]);
    expect(talks.revisions[0]!.changes).toEqual([
      {
        kind: 'paragraph-changed',
        words: [
          { kind: 'same', text: 'They demanded a ' },
          { kind: 'ins', text: '30-day ' },
          { kind: 'same', text: 'ceasefire. (Office of the President of Ukraine, Reuters)' },
        ],
      },
      {
        kind: 'paragraph-changed',
        words: [
          { kind: 'same', text: 'The delegations met in Istanbul. (Reuters' },
          { kind: 'ins', text: '; BBC News' },
          { kind: 'same', text: ')' },
        ],
      },
      { kind: 'source-added', source: 'bbc-talks', publisher: 'BBC News', title: 'Delegations meet in Istanbul' },
      {
        kind: 'correction-added',
        date: '2025-05-25',
        text: 'An earlier version said the ceasefire had no length; it was 30 days. We also confirmed the claim [@ceasefire-demand].',
      },
      { kind: 'other', fields: ['updated'] },
    ]);
    const [corrected, confirmed, published] = talks.revisions.map((revision) => revision.commit);
    expect(talks.statusHistory).toEqual({
      'ceasefire-demand': [
        { date: '2025-05-20T10:00:00Z', status: 'disputed', commit: published },
        { date: '2025-05-22T09:30:00Z', status: 'confirmed', commit: confirmed },
      ],
    });
    expect(Object.values(talks.corrections)).toEqual([corrected]);
  });

  it('follows an article through a draft that is published, unpublished and published again', async () => {
    const { articles } = fixtureRepo([
      { date: '2025-05-20T10:00:00Z', message: 'one', files: { 'a.md': REVISIONS.published } },
      { date: '2025-05-21T10:00:00Z', message: 'back to draft', files: { 'a.md': REVISIONS.draft } },
      {
        date: '2025-05-22T10:00:00Z',
        message: 'again\n\nPublic-note: The demand is now confirmed by both statements.',
        files: { 'a.md': REVISIONS.confirmed },
      },
    ]);
    const history = await readSiteHistory(articles);
    if (history.status !== 'ok') throw new Error('no history');
    const a = history.articles.get('a')!;
    expect(a.revisions.map((revision) => [revision.date, revision.notes])).toEqual([
      ['2025-05-22T10:00:00Z', ['The demand is now confirmed by both statements.']],
      ['2025-05-20T10:00:00Z', []],
    ]);
    expect(JSON.stringify(a)).not.toContain('only the draft had');
  });

  it('says when the clone is shallow, and how many commits it has', async () => {
    const { repo } = fixtureRepo(HISTORY_STEPS);
    const clone = `${repo}-shallow`;
    gitIn(repo, ['clone', '-q', '--depth', '2', `file://${repo}`, clone]);
    const history = await readSiteHistory(`${clone}/content/articles`);
    if (history.status !== 'ok') throw new Error('no history');
    expect(history).toMatchObject({ shallow: true, commits: 2 });
    // The oldest commit of the clone shows the whole article as new.
    expect(history.articles.get('istanbul-talks')!.revisions.map((revision) => revision.first)).toEqual([true]);
  });

  it('finds no repository outside git', async () => {
    expect(await readSiteHistory(writeArticles({ 'a.md': REVISIONS.published }))).toEqual({ status: 'no-repository' });
  });
});
