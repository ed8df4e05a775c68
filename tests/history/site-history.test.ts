import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/format/index.ts';
import type { ArticleHistory, Revision } from '../../src/history/article-history.ts';
import {
  claimStatusHistories,
  correctionCommit,
  otherChangesLabel,
  updatesLabel,
} from '../../src/site/article-history.ts';

const article = articleSchema.parse({
  title: 'Talks',
  description: 'What was agreed.',
  conclusion: 'They met, but did not agree.',
  published: '2025-05-20',
  updated: '2025-06-02',
  authors: ['ann-writer'],
  sources: [
    {
      id: 'reuters',
      kind: 'news',
      publisher: 'Reuters',
      title: 'Talks',
      url: 'https://example.com/t',
      accessed: '2025-05-20',
    },
  ],
  claims: [
    { id: 'met', statement: 'They met.', status: 'confirmed', sources: ['reuters'] },
    { id: 'agreed', statement: 'They agreed.', status: 'false', sources: ['reuters'] },
  ],
  corrections: [{ date: '2025-06-01', text: 'Fixed  a name.' }],
});

const revision = (commit: string, first = false): Revision => ({
  commit,
  date: '2025-05-20T10:00:00Z',
  notes: [],
  first,
  changes: [],
});
const history = (revisions: Revision[]): ArticleHistory => ({
  revisions,
  statusHistory: {
    met: [
      { date: '2025-05-20T10:00:00Z', status: 'disputed', commit: 'a1' },
      { date: '2025-05-22T10:00:00Z', status: 'confirmed', commit: 'b2' },
    ],
    agreed: [{ date: '2025-05-20T10:00:00Z', status: 'unproven', commit: 'a1' }],
  },
  corrections: { '2025-06-01\nFixed a name.': 'c3' },
  shallow: false,
});

describe('the site view of an article history', () => {
  it('counts updates in the header link', () => {
    expect(updatesLabel(history([revision('a1', true)]))).toBe('Not changed since publication: see its history');
    expect(updatesLabel(history([revision('b2'), revision('a1', true)]))).toBe('Updated once: see every change');
    expect(updatesLabel(history([revision('c3'), revision('b2'), revision('a1', true)]))).toBe(
      'Updated twice: see every change',
    );
    expect(updatesLabel(history([revision('d4'), revision('c3'), revision('b2'), revision('a1', true)]))).toBe(
      'Updated 3 times: see every change',
    );
  });

  it('ends each status history with the status built, dated by the last update, when it is not committed yet', () => {
    expect(claimStatusHistories(article, history([]))).toEqual({
      met: [
        { date: '2025-05-20T10:00:00Z', status: 'disputed', commit: 'a1' },
        { date: '2025-05-22T10:00:00Z', status: 'confirmed', commit: 'b2' },
      ],
      agreed: [
        { date: '2025-05-20T10:00:00Z', status: 'unproven', commit: 'a1' },
        { date: '2025-06-02', status: 'false', commit: null },
      ],
    });
    expect(claimStatusHistories(article, undefined).met).toEqual([
      { date: '2025-06-02', status: 'confirmed', commit: null },
    ]);
  });

  it('finds the commit of a correction whatever its line wrapping', () => {
    expect(correctionCommit(article.corrections[0]!, history([]))).toBe('c3');
    expect(correctionCommit({ date: '2025-06-02', text: 'Fixed a name.' }, history([]))).toBeUndefined();
  });

  it('names the other fields that changed', () => {
    expect(otherChangesLabel(['updated'])).toBe('Also changed: the update date.');
    expect(otherChangesLabel(['timeline', 'topics', 'updated'])).toBe(
      'Also changed: the timeline, the topics and the update date.',
    );
  });
});
