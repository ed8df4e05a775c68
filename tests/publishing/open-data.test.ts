import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bulkLines, writeBulkData } from '../../src/publishing/bulk-data.ts';
import { articleRecord, dataFileText, historyRecord, type OpenDataUrls } from '../../src/publishing/open-data.ts';
import { articleSchema } from '../../src/format/index.ts';

const urls: OpenDataUrls = {
  site: 'https://example.org/',
  page: (slug) => `https://example.org/articles/${slug}/`,
  data: (slug) => `https://example.org/articles/${slug}.json`,
  history: (slug) => `https://example.org/articles/${slug}/history/`,
  anchor: (slug, kind, id) => `https://example.org/articles/${slug}/#${kind}-${id}`,
};

const talks = {
  slug: 'talks',
  article: articleSchema.parse({
    title: 'Talks',
    description: 'What was agreed.',
    conclusion: 'They met.',
    published: '2025-05-20',
    authors: ['ann-writer'],
    topics: ['diplomacy'],
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
    claims: [{ id: 'met', statement: 'They met.', status: 'confirmed', sources: ['reuters'] }],
    timeline: [{ date: '2025-05-16', text: 'Delegations met.', sources: ['reuters'] }],
  }),
};
const older = {
  slug: '2024/older',
  article: articleSchema.parse({
    title: 'Older',
    description: 'Earlier.',
    published: '2024-01-02',
    updated: '2024-01-03',
    authors: ['bo-editor'],
    sources: [
      {
        id: 'ap',
        kind: 'news',
        publisher: 'AP',
        title: 'Earlier',
        url: 'https://example.com/e',
        accessed: '2024-01-02',
        party: true,
      },
    ],
    corrections: [{ date: '2024-01-03', text: 'Fixed a name.' }],
  }),
};

describe('articleRecord', () => {
  test('keeps the frontmatter fields and values, and adds the page address and permalinks', () => {
    expect(articleRecord(talks, urls)).toEqual({
      slug: 'talks',
      url: 'https://example.org/articles/talks/',
      title: 'Talks',
      description: 'What was agreed.',
      conclusion: 'They met.',
      published: '2025-05-20',
      authors: ['ann-writer'],
      topics: ['diplomacy'],
      claims: [
        {
          id: 'met',
          statement: 'They met.',
          status: 'confirmed',
          sources: ['reuters'],
          permalink: 'https://example.org/articles/talks/#claim-met',
          statusHistory: [{ date: '2025-05-20', status: 'confirmed', commit: null }],
        },
      ],
      sources: [
        {
          id: 'reuters',
          kind: 'news',
          publisher: 'Reuters',
          title: 'Talks',
          url: 'https://example.com/t',
          accessed: '2025-05-20',
          permalink: 'https://example.org/articles/talks/#source-reuters',
          lock: null,
        },
      ],
      timeline: [{ date: '2025-05-16', text: 'Delegations met.', sources: ['reuters'] }],
      corrections: [],
    });
  });

  test('includes updated only when the article has it, and never the draft flag', () => {
    expect(articleRecord(older, urls)).toMatchObject({
      updated: '2024-01-03',
      corrections: [{ date: '2024-01-03', text: 'Fixed a name.' }],
    });
    expect(articleRecord(talks, urls)).not.toHaveProperty('updated');
    expect(articleRecord(talks, urls)).not.toHaveProperty('draft');
  });
});

describe('bulk files', () => {
  test('bulkLines gives one JSON line per claim (with its statusHistory) and per source, each with its article', () => {
    const lines = bulkLines(articleRecord(talks, urls), urls.data('talks'));
    expect(lines.claims.map((line) => JSON.parse(line))).toEqual([
      {
        id: 'met',
        statement: 'They met.',
        status: 'confirmed',
        sources: ['reuters'],
        permalink: 'https://example.org/articles/talks/#claim-met',
        statusHistory: [{ date: '2025-05-20', status: 'confirmed', commit: null }],
        article: {
          slug: 'talks',
          title: 'Talks',
          published: '2025-05-20',
          url: 'https://example.org/articles/talks/',
          data: 'https://example.org/articles/talks.json',
        },
      },
    ]);
    expect(lines.sources).toHaveLength(1);
    expect(lines.sources[0]).not.toContain('\n');
  });

  test('writeBulkData streams every claim and source, newest article first, into parts no larger than the limit, and indexes them', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'sourced-bulk-'));
    try {
      mkdirSync(join(outDir, 'articles/2024'), { recursive: true });
      mkdirSync(join(outDir, 'data'));
      writeFileSync(join(outDir, 'articles/2024/older.json'), dataFileText(articleRecord(older, urls)));
      writeFileSync(join(outDir, 'articles/talks.json'), dataFileText(articleRecord(talks, urls)));
      // An article's history data is beside its own file and is no article.
      mkdirSync(join(outDir, 'articles/talks'));
      writeFileSync(join(outDir, 'articles/talks/history.json'), dataFileText(historyRecord(talks, urls)));
      const line = (name: string) =>
        `${bulkLines(articleRecord(name === 'talks' ? talks : older, urls), urls.data(name)).sources[0]!}\n`;
      // Room for one source line a part, but not two.
      const limit = Buffer.byteLength(line('talks')) + Buffer.byteLength(line('2024/older')) - 1;
      const index = await writeBulkData(outDir, 'https://example.org/', limit);
      const read = (name: string) => readFileSync(join(outDir, 'data', name), 'utf8');
      expect(readdirSync(join(outDir, 'data')).sort()).toEqual([
        'claims-0001.ndjson',
        'index.json',
        'sources-0001.ndjson',
        'sources-0002.ndjson',
      ]);
      expect(read('sources-0001.ndjson')).toBe(line('talks'));
      expect(read('sources-0002.ndjson')).toBe(line('2024/older'));
      expect(
        read('claims-0001.ndjson')
          .split('\n')
          .map((text) => text && JSON.parse(text).article.slug),
      ).toEqual(['talks', '']);
      const bytes = (name: string) => statSync(join(outDir, 'data', name)).size;
      expect(JSON.parse(read('index.json'))).toEqual({
        site: 'https://example.org/',
        articles: 2,
        claims: 1,
        sources: 2,
        files: {
          claims: [
            { url: 'https://example.org/data/claims-0001.ndjson', records: 1, bytes: bytes('claims-0001.ndjson') },
          ],
          sources: [
            { url: 'https://example.org/data/sources-0001.ndjson', records: 1, bytes: bytes('sources-0001.ndjson') },
            { url: 'https://example.org/data/sources-0002.ndjson', records: 1, bytes: bytes('sources-0002.ndjson') },
          ],
        },
        article: 'https://example.org/articles/{slug}.json',
        schema: 'https://example.org/data/article.schema.json',
      });
      expect(index.sources).toBe(2);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  test('writeBulkData orders the articles by their own publication date, not a date of their sources', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'sourced-bulk-'));
    try {
      mkdirSync(join(outDir, 'articles/2024'), { recursive: true });
      mkdirSync(join(outDir, 'data'));
      // The older article cites a source published after the newer article, and its sources come first in its file.
      const late = {
        ...older,
        article: { ...older.article, sources: [{ ...older.article.sources[0]!, published: '2026-03-01' }] },
      };
      writeFileSync(join(outDir, 'articles/2024/older.json'), dataFileText(articleRecord(late, urls)));
      writeFileSync(join(outDir, 'articles/talks.json'), dataFileText(articleRecord(talks, urls)));
      await writeBulkData(outDir, 'https://example.org/');
      const slugs = readFileSync(join(outDir, 'data/sources-0001.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).article.slug);
      expect(slugs).toEqual(['talks', '2024/older']);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  test('each source carries its lock entry, in its article file and its bulk line, or null when it was never checked', () => {
    const entry = {
      url: 'https://example.com/t',
      finalUrl: 'https://example.com/t',
      redirects: [],
      httpStatus: 200,
      contentType: 'text/html',
      error: null,
      checked: '2025-05-21T08:00:00Z',
      textSha256: 'a'.repeat(64),
      changedSince: null,
      quote: 'none' as const,
      quoteScore: null,
      archive: null,
      failures: 0,
      firstFailure: null,
      dead: false,
    };
    const locks = new Map([['reuters', entry]]);
    expect(articleRecord(talks, urls, locks).sources[0]?.lock).toEqual(entry);
    const lines = [articleRecord(talks, urls, locks), articleRecord(older, urls)].flatMap(
      (record) => bulkLines(record, urls.data(record.slug)).sources,
    );
    expect(lines.map((line) => JSON.parse(line).lock)).toEqual([entry, null]);
  });

  test('dataFileText is indented JSON with a final newline', () => {
    expect(dataFileText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
