import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSources } from '../../src/sources/check-sources.ts';
import { DEFAULT_FETCH_OPTIONS } from '../../src/sources/fetch-source.ts';
import { HostLimiter } from '../../src/sources/host-limiter.ts';
import { newsPage, startSourceServer, type SourceServer } from '../helpers/source-server.ts';

let server: SourceServer;
let active = 0;
let most = 0;
beforeAll(async () => {
  server = await startSourceServer();
  server.route('/page/*', (request, response) => {
    active++;
    most = Math.max(most, active);
    const n = request.url!.split('/').pop();
    setTimeout(() => {
      active--;
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(newsPage(`Page ${n}`, [`Intro.`, `The minister said “talks on page ${n} will resume on Monday.”`]));
    }, 20);
  });
});
afterAll(() => server.close());

describe('checkSources', () => {
  it('reads many pages on worker threads with the same results, at most 2 requests at a time per host', async () => {
    const locksDir = mkdtempSync(join(tmpdir(), 'sourced-locks-'));
    const sources = Array.from({ length: 30 }, (_, n) => ({
      id: `page-${String(n).padStart(2, '0')}`,
      url: `${server.origin}/page/${n}`,
      quote: n === 7 ? 'The minister resigned.' : `"Talks on page ${n} will resume on Monday."`,
      accessed: '2026-11-20',
    }));
    const [report] = await checkSources([{ slug: 'many', file: 'many.md', sources }], {
      locksDir,
      fetch: { ...DEFAULT_FETCH_OPTIONS, userAgent: 'test' },
      limiter: new HostLimiter({ perHost: 2, total: 16 }),
      now: new Date('2026-11-25T10:00:00Z'),
    });
    expect(most).toBe(2);
    expect(report!.sources.map((source) => source.entry.quote)).toEqual(
      sources.map((_, n) => (n === 7 ? 'missing' : 'normalized')),
    );
    const lock = JSON.parse(readFileSync(join(locksDir, 'many.lock.json'), 'utf8'));
    expect(Object.keys(lock.sources)).toEqual(sources.map((source) => source.id));
    expect(lock.sources['page-00'].checked).toBe('2026-11-25T10:00:00Z');
  });
});
