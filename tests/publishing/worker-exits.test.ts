import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { storeSiteHistoryOffThread } from '../../src/astro/history-store.ts';
import { writeOpenData } from '../../src/publishing/write-open-data.ts';
import { ReadPool } from '../../src/sources/read-pool.ts';

// Every worker pool runs on piscina. A worker whose thread ends in the middle of a task (as
// `process.exit()` in a worker does, with no `error` event) or whose task throws makes the task
// reject with what happened: nobody waits for ever.
const EXITS = new URL('../fixtures/workers/exits.ts', import.meta.url);
const THROWS = new URL('../fixtures/workers/throws.ts', import.meta.url);

describe('a worker that exits or fails', () => {
  test('rejects the open data being written', async () => {
    const work = {
      siteDir: mkdtempSync(join(tmpdir(), 'sourced-site-')),
      siteRoot: 'https://example.org/',
      cacheDir: mkdtempSync(join(tmpdir(), 'sourced-cache-')),
      partBytes: 1000,
      articles: [],
    };
    await expect(writeOpenData(work, { worker: EXITS })).rejects.toThrow(
      'Writing the open-data files failed: worker exited with code: 0',
    );
    await expect(writeOpenData(work, { worker: THROWS })).rejects.toThrow(
      'Writing the open-data files failed: the worker failed on purpose',
    );
  });

  test("rejects the articles' history being read", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-history-'));
    await expect(storeSiteHistoryOffThread(dir, join(dir, 'store'), 'v1', { worker: EXITS })).rejects.toThrow(
      "Reading the articles' history from git failed: worker exited with code: 0",
    );
  });

  test('rejects each document being read; a pool whose worker works reads as readDocument does', async () => {
    const dying = new ReadPool({ threads: 1, worker: EXITS });
    try {
      const page = new TextEncoder().encode('<html><body><p>Text</p></body></html>');
      await expect(dying.read(page, 'text/html', undefined)).rejects.toThrow(
        'Reading a fetched text/html stopped: its worker thread failed (worker exited with code: 0).',
      );
      await expect(dying.read(page, null, undefined)).rejects.toThrow(
        'Reading a fetched document stopped: its worker thread failed (worker exited with code: 0).',
      );
    } finally {
      await dying.close();
    }
    const pool = new ReadPool({ threads: 1 });
    try {
      const page = new TextEncoder().encode(
        '<html><body><article><p>The minister said the talks would resume on Monday.</p></article></body></html>',
      );
      expect(await pool.read(page, 'text/html', 'talks would resume')).toMatchObject({
        kind: 'read',
        quote: { match: 'exact' },
      });
    } finally {
      await pool.close();
    }
  });
});
