import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeLock, type LockEntry } from '../../src/sources/lock.ts';
import { article } from '../helpers/articles.ts';
import { buildSite, bulkRecords, type BuiltSite } from '../helpers/site.ts';

const KYIV = 'https://www.president.gov.ua/en/news/statement';
const REUTERS = 'https://www.reuters.com/world/talks';
const COPY = 'https://web.archive.org/web/20250520000000/https://www.reuters.com/world/talks';

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

let site: BuiltSite;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-card-'));
  mkdirSync(join(dir, 'articles'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'articles/talks.md'), article());
  writeFileSync(
    join(dir, 'sources/talks.lock.json'),
    serializeLock({
      article: 'talks',
      sources: {
        // A hand-edited archive address that is not http(s) never becomes a link.
        'kyiv-statement': entry(KYIV, { archive: 'javascript:alert(1)' }),
        'reuters-talks': entry(REUTERS, {
          httpStatus: 404,
          quote: 'none',
          quoteScore: null,
          failures: 3,
          firstFailure: '2025-06-01T08:00:00Z',
          checked: '2025-06-07T08:00:00Z',
          dead: true,
          archive: COPY,
        }),
      },
    }),
  );
  site = buildSite(join(dir, 'articles'));
});

describe('source cards with a lock file', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('says when the quote was found, and sends readers of a dead link to the archived copy', () => {
    const html = site.read('articles/talks/index.html');
    expect(html).toContain(
      'Accessed <time datetime="2025-05-20">20 May 2025</time>. Quote found on the page, checked <time datetime="2025-05-21">21 May 2025</time>.</span>',
    );
    expect(html).toContain(
      `Accessed <time datetime="2025-05-20">20 May 2025</time>. <strong>This link no longer works; <a href="${COPY}">read the archived copy</a>.</strong></span>`,
    );
    expect(html).not.toContain('javascript:');
    expect(html.match(/<script(?! type="application\/ld\+json")/g)).toBeNull();
  });

  it("puts each source's lock entry in the article's JSON", () => {
    const data = JSON.parse(site.read('articles/talks.json'));
    expect(
      data.sources.map((source: { id: string; lock: LockEntry | null }) => [
        source.id,
        source.lock?.quote,
        source.lock?.dead,
        source.lock?.archive,
      ]),
    ).toEqual([
      ['kyiv-statement', 'exact', false, 'javascript:alert(1)'],
      ['reuters-talks', 'none', true, COPY],
    ]);
    expect(bulkRecords(site, 'sources')[1].lock.failures).toBe(3);
  });
});
