import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { articlePageFile, FOLLOW_MAX_SHARD_PAGES, followSearchIndex, indexSiteForSearch, shardOf } from '../../src/publishing/search-index.ts';
import { writtenPage } from '../../src/publishing/search-shard.ts';
import { listFiles, searchArticlePage as articlePage, searchListingPage as listingPage, writePage } from '../helpers/site.ts';

// Search indexing that begins while Astro writes the site (followSearchIndex): the content loader
// lists the published articles, each shard indexes its pages as they are written, and
// indexSiteForSearch keeps the shards whose pages were planned right.

// Five articles, two a shard: four shards. By the hashes of their paths, shard 0 holds a-first,
// shard 1 nothing, shard 2 b-second and c-third, shard 3 d-nested and e-last.
const ARTICLES: Record<string, string> = {
  'a-first': articlePage('Alpha', 'alphaword'),
  'b-second': articlePage('Bravo', 'bravoword'),
  'c-third': articlePage('Charlie', 'charlieword'),
  '2024/d-nested': articlePage('Delta', 'deltaword'),
  'e-last': articlePage('Echo', 'echoword'),
};
const OTHER_PAGES: Record<string, string> = {
  'index.html': listingPage('Home, listing every explainer'),
  'articles/b-second/history/index.html': listingPage('The history of Bravo'),
};
const ALL_PAGES = { ...OTHER_PAGES, ...Object.fromEntries(Object.entries(ARTICLES).map(([id, html]) => [articlePageFile(id), html])) };

/** A new, empty output folder, and beside it the path of the list of published articles. */
function newBuild(): { site: string; list: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-follow-'));
  return { site: join(dir, 'dist'), list: join(dir, 'published.json') };
}

/** A site written whole and indexed the usual way, after the build: what following must give. */
async function indexedAfterwards(): Promise<string> {
  const { site } = newBuild();
  for (const [path, html] of Object.entries(ALL_PAGES)) writePage(site, path, html);
  await indexSiteForSearch(site, { shardSize: 2 });
  return site;
}

/** The files of `site` that differ from those of `expected`, and any either has that the other has not. */
function differences(site: string, expected: string): string[] {
  const files = listFiles(expected);
  const mine = listFiles(site);
  return [
    ...mine.filter((file) => !files.includes(file)).map((file) => `extra ${file}`),
    ...files.filter((file) => !mine.includes(file)).map((file) => `missing ${file}`),
    ...files.filter((file) => mine.includes(file) && !readFileSync(join(site, file)).equals(readFileSync(join(expected, file)))).map((file) => `differs ${file}`),
  ];
}

describe('search indexing while Astro writes the site', () => {
  test('indexes each shard as its pages are written whole, and writes the bundles indexing the finished site writes, byte for byte', async () => {
    const { site, list } = newBuild();
    const follower = followSearchIndex(site, { shardSize: 2, publishedList: list });
    writeFileSync(list, JSON.stringify(Object.keys(ARTICLES)));
    await follower.planned;
    expect([...follower.jobs.keys()]).toEqual(['pagefind/', 'pagefind-3/', 'pagefind-4/']);
    // Pages come one by one; two are first seen half written, as a read during Astro's write would see them.
    for (const [path, html] of Object.entries(OTHER_PAGES)) writePage(site, path, html);
    for (const [id, html] of Object.entries(ARTICLES)) {
      if (id === 'a-first' || id === 'e-last') {
        writePage(site, articlePageFile(id), html.slice(0, html.indexOf('word</p>')));
        await sleep(300);
      }
      writePage(site, articlePageFile(id), html);
    }
    const lines: string[] = [];
    const figures = await indexSiteForSearch(site, { shardSize: 2, follower, log: (line) => lines.push(line) });
    expect(figures.shards.map((shard) => [shard.bundle, shard.pages, shard.followed])).toEqual([
      ['pagefind/', 1, true],
      ['pagefind-3/', 2, true],
      ['pagefind-4/', 2, true],
    ]);
    expect(lines.map((line) => line.replace(/Pagefind peak \d+ MB, /, ''))).toEqual([
      'Search index: pagefind/ 1 page, indexed while Astro wrote the pages',
      'Search index: pagefind-3/ 2 pages, indexed while Astro wrote the pages',
      'Search index: pagefind-4/ 2 pages, indexed while Astro wrote the pages',
      'Search index: 5 pages in 3 bundles',
    ]);
    expect(differences(site, await indexedAfterwards())).toEqual([]);
  });

  test('indexes again the shards whose pages were listed wrong, keeps the others, and leaves nothing of the wrong ones', async () => {
    const { site, list } = newBuild();
    // The list names an article whose page never comes, in the shard that has none, and leaves out c-third.
    const ghost = Array.from({ length: 100 }, (_, n) => `ghost-${n}`).find((id) => shardOf(articlePageFile(id), 4) === 1)!;
    const follower = followSearchIndex(site, { shardSize: 2, publishedList: list });
    writeFileSync(list, JSON.stringify(['a-first', 'b-second', '2024/d-nested', 'e-last', ghost]));
    await follower.planned;
    expect([...follower.jobs.keys()]).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/']);
    for (const [path, html] of Object.entries(ALL_PAGES)) writePage(site, path, html);
    const figures = await indexSiteForSearch(site, { shardSize: 2, follower });
    expect(figures.shards.map((shard) => [shard.bundle, shard.followed])).toEqual([
      ['pagefind/', true],
      ['pagefind-3/', false],
      ['pagefind-4/', true],
    ]);
    expect(existsSync(join(site, 'pagefind-2'))).toBe(false);
    expect(differences(site, await indexedAfterwards())).toEqual([]);
  });

  test('begins nothing for a rebuild whose bundles can be copied, nor for shards too large to index beside Astro', async () => {
    const previous = await indexedAfterwards();
    const rebuild = newBuild();
    const follower = followSearchIndex(rebuild.site, { shardSize: 2, previous, publishedList: rebuild.list });
    writeFileSync(rebuild.list, JSON.stringify(Object.keys(ARTICLES)));
    await follower.planned;
    expect(follower.jobs.size).toBe(0);
    for (const [path, html] of Object.entries(ALL_PAGES)) writePage(rebuild.site, path, html);
    const figures = await indexSiteForSearch(rebuild.site, { shardSize: 2, previous, follower });
    expect(figures.shards.map((shard) => [shard.bundle, shard.reused])).toEqual([
      ['pagefind/', true],
      ['pagefind-3/', true],
      ['pagefind-4/', true],
    ]);

    const large = newBuild();
    const big = followSearchIndex(large.site, { shardSize: 1000, publishedList: large.list });
    writeFileSync(large.list, JSON.stringify(Array.from({ length: FOLLOW_MAX_SHARD_PAGES + 1 }, (_, n) => `article-${n}`)));
    await big.planned;
    expect(big.jobs.size).toBe(0);
    const small = newBuild();
    const fits = followSearchIndex(small.site, { shardSize: 1000, publishedList: small.list });
    writeFileSync(small.list, JSON.stringify(Array.from({ length: FOLLOW_MAX_SHARD_PAGES }, (_, n) => `article-${n}`)));
    await fits.planned;
    expect(fits.jobs.size).toBe(1);
    await fits.stop();
  });

  test('stops every shard process when the build fails', async () => {
    const { site, list } = newBuild();
    const follower = followSearchIndex(site, { shardSize: 2, publishedList: list });
    writeFileSync(list, JSON.stringify(Object.keys(ARTICLES)));
    await follower.planned;
    // No page ever comes: the shards wait.
    while ([...follower.jobs.values()].filter((job) => job.child).length < 2) await sleep(20);
    const children = [...follower.jobs.values()].flatMap((job) => (job.child ? [job.child] : []));
    await follower.stop();
    expect(children.map((child) => child.exitCode !== null || child.signalCode !== null)).toEqual(children.map(() => true));
    await expect(follower.jobs.get('pagefind/')!.result).rejects.toThrow('Indexing pagefind/ was stopped.');
  });
});

describe('a page read while Astro writes it', () => {
  test('is given only once it is written whole, up to its closing </html>', async () => {
    const { site } = newBuild();
    const path = join(site, 'articles/a/index.html');
    let read: string | undefined;
    const reading = writtenPage(path).then((html) => (read = html));
    await sleep(120);
    writePage(site, 'articles/a/index.html', '<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><p>Half');
    await sleep(120);
    expect(read).toBeUndefined();
    writePage(site, 'articles/a/index.html', '<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><p>Half and whole</p></article></body></html>\n');
    await reading;
    expect(read).toBe('<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><p>Half and whole</p></article></body></html>\n');
  });
});
