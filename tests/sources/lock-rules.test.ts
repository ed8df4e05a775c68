import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeLock, type LockEntry, type SourceLock } from '../../src/sources/lock.ts';
import { article } from '../helpers/articles.ts';
import { ROOT } from '../helpers/site.ts';

const KYIV = 'https://www.president.gov.ua/en/news/statement';
const REUTERS = 'https://www.reuters.com/world/talks';

const entry = (url: string, fields: Partial<LockEntry> = {}): LockEntry => ({
  url,
  finalUrl: url,
  redirects: [],
  httpStatus: 200,
  contentType: 'text/html',
  error: null,
  checked: '2025-05-21T08:00:00Z',
  textSha256: 'a'.repeat(64),
  changedSince: null,
  quote: 'exact',
  quoteScore: 1,
  archive: null,
  failures: 0,
  firstFailure: null,
  dead: false,
  ...fields,
});

const DEAD = {
  httpStatus: 404,
  quote: null,
  quoteScore: null,
  failures: 3,
  firstFailure: '2025-06-01T08:00:00Z',
  checked: '2025-06-07T08:00:00Z',
  dead: true,
};

/** Checks a project with the test article and, if given, its lock file (an object, or raw text). */
function check(lock?: SourceLock | string) {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-locks-'));
  mkdirSync(join(dir, 'content/articles'), { recursive: true });
  writeFileSync(join(dir, 'content/articles/talks.md'), article());
  if (lock !== undefined) {
    mkdirSync(join(dir, 'content/sources'));
    writeFileSync(join(dir, 'content/sources/talks.lock.json'), typeof lock === 'string' ? lock : serializeLock(lock));
  }
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), 'content/articles'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check with lock files', () => {
  it('is quiet without a lock file, and with one that finds everything in order', () => {
    expect(check()).toEqual({ status: 0, stdout: '', stderr: '1 article checked: 0 errors, 0 warnings\n' });
    expect(
      check({
        article: 'talks',
        sources: {
          'kyiv-statement': entry(KYIV),
          'reuters-talks': entry(REUTERS, { quote: 'none', quoteScore: null }),
        },
      }).status,
    ).toBe(0);
  });

  it('reports a missing quote, a changed page and a dead source without a copy at the source lines, and exits 1', () => {
    const lock = {
      article: 'talks',
      sources: {
        'kyiv-statement': entry(KYIV, {
          quote: 'missing',
          quoteScore: 0.41,
          changedSince: '2025-06-02T09:30:00Z',
          checked: '2025-06-02T09:30:00Z',
        }),
        'reuters-talks': entry(REUTERS, DEAD),
      },
    };
    expect(check(lock)).toEqual({
      status: 1,
      stdout: [
        `content/articles/talks.md:15:5  warning  source-changed  The text of source "kyiv-statement" changed on 2025-06-02, after it was accessed on 2025-05-20; read the page again, check the quote and what the article says, then update accessed.`,
        `content/articles/talks.md:17:5  warning  quote-missing  The quote of source "kyiv-statement" was not found on ${KYIV} (checked 2025-06-02; the closest passage is 41% similar); copy it word for word from the page, then run npm run sources.`,
        `content/articles/talks.md:22:5  error  source-dead  Source "reuters-talks" no longer works: ${REUTERS} failed 3 checks since 2025-06-01 (last: status 404), and it has no archived copy; add one as archive: (npm run sources -- --archive looks for one), or replace the source.`,
        '',
      ].join('\n'),
      stderr: '1 article checked: 1 error, 2 warnings\n',
    });
  });

  it('makes a dead source with an archived copy a warning', () => {
    const copy = 'https://web.archive.org/web/20250520000000/https://www.reuters.com/world/talks';
    const { status, stdout } = check({
      article: 'talks',
      sources: { 'reuters-talks': entry(REUTERS, { ...DEAD, archive: copy }) },
    });
    expect(status).toBe(0);
    expect(stdout).toBe(
      `content/articles/talks.md:22:5  warning  source-dead  Source "reuters-talks" no longer works: ${REUTERS} failed 3 checks since 2025-06-01 (last: status 404); readers are sent to its archived copy, ${copy}. Replace the source if a working copy exists.\n`,
    );
  });

  it('ignores an entry for another address, and a change on the day the source was accessed', () => {
    const lock = {
      article: 'talks',
      sources: {
        'kyiv-statement': entry(KYIV, { changedSince: '2025-05-20T18:00:00Z' }),
        'reuters-talks': entry('https://www.reuters.com/world/old-address', DEAD),
      },
    };
    expect(check(lock)).toEqual({ status: 0, stdout: '', stderr: '1 article checked: 0 errors, 0 warnings\n' });
  });

  it('warns about a lock file it cannot read, and goes on', () => {
    expect(check('{"article": "talks", "sources": {"kyiv-statement": {"url": 1}}}')).toEqual({
      status: 0,
      stdout:
        'content/articles/talks.md:1:1  warning  source-lock  The lock file content/sources/talks.lock.json cannot be read: sources.kyiv-statement.url Invalid input: expected string, received number; delete it and run npm run sources again.\n',
      stderr: '1 article checked: 0 errors, 1 warning\n',
    });
  });

  it("finds a nested article's lock file whether the article is checked alone, with its folder, or with all the others", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-locks-'));
    mkdirSync(join(dir, 'content/articles/2025'), { recursive: true });
    mkdirSync(join(dir, 'content/sources/2025'), { recursive: true });
    writeFileSync(join(dir, 'content/articles/2025/talks.md'), article());
    const lock = { article: '2025/talks', sources: { 'reuters-talks': entry(REUTERS, DEAD) } };
    writeFileSync(join(dir, 'content/sources/2025/talks.lock.json'), serializeLock(lock));
    const expected = `content/articles/2025/talks.md:22:5  error  source-dead  Source "reuters-talks" no longer works: ${REUTERS} failed 3 checks since 2025-06-01 (last: status 404), and it has no archived copy; add one as archive: (npm run sources -- --archive looks for one), or replace the source.\n`;
    for (const target of ['content/articles/2025/talks.md', 'content/articles/2025', 'content/articles']) {
      const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), target], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect({ target, status: result.status, stdout: result.stdout }).toEqual({ target, status: 1, stdout: expected });
    }
  });
});
