import { describe, expect, it } from 'vitest';
import type { LockEntry } from '../../src/sources/lock.ts';
import { nextEntry, type Observation } from '../../src/sources/next-entry.ts';

const URL = 'https://example.org/a';
const at = (day: string) => new Date(`${day}T10:00:00.000Z`);
const base = { finalUrl: URL, redirects: [], contentType: 'text/html; charset=utf-8' };
const read = (sha = 'aaa'): Observation => ({
  ...base,
  kind: 'read',
  httpStatus: 200,
  textSha256: sha,
  quote: { match: 'exact', score: 1 },
});
const failed = (status: number | null, error: string | null = null): Observation => ({
  ...base,
  kind: 'failed',
  httpStatus: status,
  error,
});
const blocked = (status: number): Observation => ({ ...base, kind: 'blocked', httpStatus: status });

/** Runs checks on the given days, each from the entry the one before left. */
function run(steps: [string, Observation][], start?: LockEntry): LockEntry {
  return steps.reduce<LockEntry | undefined>(
    (entry, [day, observation]) => nextEntry(entry, URL, observation, { now: at(day) }),
    start,
  )!;
}

describe('nextEntry', () => {
  it('records a first successful read', () => {
    expect(run([['2026-11-25', read()]])).toEqual({
      url: URL,
      finalUrl: URL,
      redirects: [],
      httpStatus: 200,
      contentType: 'text/html',
      error: null,
      checked: '2026-11-25T10:00:00Z',
      textSha256: 'aaa',
      changedSince: null,
      quote: 'exact',
      quoteScore: 1,
      archive: null,
      failures: 0,
      firstFailure: null,
      dead: false,
    });
  });

  it('returns the very same entry when nothing changed, so the check date does not churn', () => {
    const first = run([['2026-11-25', read()]]);
    expect(nextEntry(first, URL, read(), { now: at('2026-12-25') })).toBe(first);
  });

  it('records the day the text changed', () => {
    const entry = run([
      ['2026-11-25', read('aaa')],
      ['2026-12-02', read('bbb')],
    ]);
    expect(entry).toMatchObject({
      textSha256: 'bbb',
      changedSince: '2026-12-02T10:00:00Z',
      checked: '2026-12-02T10:00:00Z',
    });
  });

  it('makes a source dead after 3 failures at least 3 days apart, not sooner', () => {
    const steps: [string, Observation][] = [
      ['2026-11-25', read()],
      ['2026-11-26', failed(404)],
      ['2026-11-27', failed(null, 'timeout')],
      ['2026-11-28', failed(410)],
      ['2026-11-29', failed(null, 'dns')],
    ];
    expect(run(steps)).toMatchObject({
      failures: 2,
      dead: false,
      firstFailure: '2026-11-26T10:00:00Z',
      httpStatus: null,
      error: 'dns',
      quote: 'exact',
    });
    expect(run([...steps, ['2026-12-01', failed(null, 'refused')]])).toMatchObject({ failures: 2, dead: false });
    expect(run([...steps, ['2026-12-02', failed(null, 'refused')]])).toMatchObject({
      failures: 3,
      dead: true,
      error: 'refused',
      checked: '2026-12-02T10:00:00Z',
    });
  });

  it('never counts 401, 402, 403 or 429, and a success resets the count', () => {
    const steps: [string, Observation][] = [
      ['2026-11-01', failed(404)],
      ['2026-11-05', blocked(403)],
      ['2026-11-09', blocked(429)],
      ['2026-11-13', blocked(401)],
      ['2026-11-17', blocked(402)],
    ];
    expect(run(steps)).toMatchObject({ failures: 1, dead: false, httpStatus: 402 });
    const dead = run([
      ['2026-11-01', failed(404)],
      ['2026-11-04', failed(404)],
      ['2026-11-07', failed(500)],
    ]);
    expect(dead).toMatchObject({ failures: 3, dead: true });
    expect(run([['2026-11-20', read()]], dead)).toMatchObject({
      failures: 0,
      firstFailure: null,
      dead: false,
      httpStatus: 200,
    });
  });

  it('starts afresh when the article now names another address', () => {
    const old = run([['2026-11-01', failed(404)]]);
    const entry = nextEntry(
      old,
      'https://example.org/b',
      { ...read(), finalUrl: 'https://example.org/b' },
      { now: at('2026-11-02') },
    );
    expect(entry).toMatchObject({ url: 'https://example.org/b', failures: 0, checked: '2026-11-02T10:00:00Z' });
  });
});
