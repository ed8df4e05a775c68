import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStored } from '../../src/astro/article-store.ts';
import {
  articleDataCacheDir,
  articleDataText,
  writeArticleData,
  type ArticleDataTask,
} from '../../src/publishing/article-data.ts';
import { articleRecord, dataFileText, openDataUrlsFor } from '../../src/publishing/open-data.ts';
import { articleSchema } from '../../src/format/index.ts';

const article = (title: string) =>
  articleSchema.parse({
    title,
    description: 'What was agreed.',
    conclusion: 'They met.',
    published: '2025-05-20',
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
    claims: [{ id: 'met', statement: 'They met.', status: 'confirmed', sources: ['reuters'] }],
  });

/** A stored record of an article, as the content loader writes it, and the task of its JSON file. */
function stored(dir: string, slug: string, title: string, cacheKey: string | undefined): ArticleDataTask {
  const file = join(dir, `${slug.replace('/', '_')}-${title}.json`);
  writeStored(file, { article: article(title), html: '<p>Body.</p>', headings: [], citations: {}, words: 1 });
  return { slug, stored: file, cacheKey };
}

describe('writeArticleData', () => {
  const SITE = 'https://news.example.org/base/';

  it("writes each article's JSON file as the JSON route makes it, and takes an unchanged one from the cache", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-article-data-'));
    const cache = join(dir, 'cache');
    const tasks = [
      stored(dir, 'talks', 'Talks', 'k1'),
      stored(dir, '2024/older', 'Older', 'k2'),
      stored(dir, 'nokey', 'Unkeyed', undefined),
    ];
    const first = join(dir, 'site-1');
    expect(writeArticleData(first, SITE, tasks, cache)).toEqual({ written: 3, reused: 0 });
    const talks = readFileSync(join(first, 'articles/talks.json'), 'utf8');
    expect(talks).toBe(
      dataFileText(
        articleRecord({ slug: 'talks', article: article('Talks'), history: undefined }, openDataUrlsFor(SITE)),
      ),
    );
    expect(JSON.parse(talks)).toMatchObject({ slug: 'talks', url: 'https://news.example.org/base/articles/talks/' });
    expect(readFileSync(join(first, 'articles/2024/older.json'), 'utf8')).toBe(
      articleDataText(tasks[1]!, openDataUrlsFor(SITE)),
    );
    // The keyed files are kept for the next build; the unkeyed one is not.
    expect(readdirSync(articleDataCacheDir(cache))).toHaveLength(2);

    // The next build: `talks` edited (a new key), `2024/older` unchanged, the unkeyed one made again.
    const edited = [stored(dir, 'talks', 'Edited', 'k3'), tasks[1]!, tasks[2]!];
    const second = join(dir, 'site-2');
    expect(writeArticleData(second, SITE, edited, cache)).toEqual({ written: 2, reused: 1 });
    expect(JSON.parse(readFileSync(join(second, 'articles/talks.json'), 'utf8')).title).toBe('Edited');
    expect(readFileSync(join(second, 'articles/2024/older.json'), 'utf8')).toBe(
      readFileSync(join(first, 'articles/2024/older.json'), 'utf8'),
    );
    // A copy: what is later written over a site's file never reaches the cache.
    writeFileSync(join(second, 'articles/2024/older.json'), 'overwritten');
    expect(writeArticleData(join(dir, 'site-3'), SITE, edited, cache)).toEqual({ written: 1, reused: 2 });
    expect(readFileSync(join(dir, 'site-3/articles/2024/older.json'), 'utf8')).toBe(
      readFileSync(join(first, 'articles/2024/older.json'), 'utf8'),
    );
    // The file of the old `talks` is no longer kept.
    expect(readdirSync(articleDataCacheDir(cache))).toHaveLength(2);
  });

  it('never takes a file made for another site address or from another stored record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-article-data-'));
    const cache = join(dir, 'cache');
    const tasks = [stored(dir, 'talks', 'Talks', 'k1')];
    expect(writeArticleData(join(dir, 'a'), SITE, tasks, cache)).toEqual({ written: 1, reused: 0 });
    expect(writeArticleData(join(dir, 'b'), 'https://other.example.org/', tasks, cache)).toEqual({
      written: 1,
      reused: 0,
    });
    expect(JSON.parse(readFileSync(join(dir, 'b/articles/talks.json'), 'utf8')).url).toBe(
      'https://other.example.org/articles/talks/',
    );
    // A cached file is never written through: the site that linked it keeps its bytes.
    writeFileSync(
      tasks[0]!.stored,
      JSON.stringify({ article: article('Changed'), html: '', headings: [], citations: {}, words: 0 }),
    );
    expect(writeArticleData(join(dir, 'c'), SITE, [{ ...tasks[0]!, cacheKey: 'k2' }], cache)).toEqual({
      written: 1,
      reused: 0,
    });
    expect(JSON.parse(readFileSync(join(dir, 'a/articles/talks.json'), 'utf8')).title).toBe('Talks');
  });
});
