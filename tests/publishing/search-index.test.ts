import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  indexSiteForSearch,
  isIndexedPage,
  MAX_SHARDS,
  SEARCH_SHARD_SIZE,
  searchShardSize,
  shardCount,
  shardOf,
} from '../../src/publishing/search-index.ts';
import { bundleFolder, otherBundles } from '../../src/site/search-bundles.ts';
import {
  listFiles,
  searchArticlePage as articlePage,
  searchListingPage as listingPage,
  writePage,
} from '../helpers/site.ts';

/** A new, empty cache folder. */
const newCache = () => mkdtempSync(join(tmpdir(), 'sourced-search-cache-'));

/** Writes a built site (path -> HTML) into a new folder and returns it. */
function writeSite(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-search-'));
  for (const [path, html] of Object.entries(pages)) writePage(dir, path, html);
  return dir;
}

/** The addresses of the pages a bundle holds, read from its fragments (gzip, `pagefind_dcd` then JSON). */
const urlsIn = (site: string, bundle: string) =>
  readdirSync(join(site, bundle, 'fragment'))
    .map(
      (file) =>
        JSON.parse(
          gunzipSync(readFileSync(join(site, bundle, 'fragment', file)))
            .toString('utf8')
            .slice('pagefind_dcd'.length),
        ).url as string,
    )
    .sort();

// Five articles, in an order that their paths do not follow, beside pages that are not articles.
const PAGES = {
  'index.html': listingPage('Home, listing every explainer'),
  'topics/diplomacy/index.html': listingPage('A topic page that says &lt;article data-pagefind-body&gt; in its text'),
  'articles/e-last/index.html': articlePage('Echo', 'echoword'),
  'articles/a-first/index.html': articlePage('Alpha', 'alphaword'),
  'articles/c-third/index.html': articlePage('Charlie', 'charlieword'),
  'articles/2024/d-nested/index.html': articlePage('Delta', 'deltaword'),
  'articles/b-second/index.html': articlePage('Bravo', 'bravoword'),
  'articles/b-second/history/index.html': listingPage('The history of Bravo'),
};

describe('the search index in shards', () => {
  // Five pages, two a shard: four shards (a power of two). By the hashes of their paths, shard 0
  // holds a-first, shard 1 nothing, shard 2 b-second and c-third, shard 3 d-nested and e-last.
  test('puts each article page in the shard its path hashes to, gives an empty shard no bundle, and lists the bundles in pagefind/shards.json', async () => {
    const site = writeSite(PAGES);
    const lines: string[] = [];
    const figures = await indexSiteForSearch(site, { shardSize: 2, log: (line) => lines.push(line) });
    expect(figures.pages).toBe(5);
    expect(figures.shards.map((shard) => [shard.bundle, shard.pages])).toEqual([
      ['pagefind/', 1],
      ['pagefind-3/', 2],
      ['pagefind-4/', 2],
    ]);
    expect(lines.at(-1)).toBe('Search index: 5 pages in 3 bundles');
    const manifest = JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8'));
    expect(manifest.bundles).toEqual(['pagefind/', 'pagefind-3/', 'pagefind-4/']);
    expect(manifest.digests).toHaveLength(3);
    expect(new Set(manifest.digests).size).toBe(3);
    expect(urlsIn(site, 'pagefind/')).toEqual(['/articles/a-first/']);
    expect(urlsIn(site, 'pagefind-3/')).toEqual(['/articles/b-second/', '/articles/c-third/']);
    expect(urlsIn(site, 'pagefind-4/')).toEqual(['/articles/2024/d-nested/', '/articles/e-last/']);
    for (const bundle of ['pagefind/', 'pagefind-3/', 'pagefind-4/']) {
      const entry = JSON.parse(readFileSync(join(site, bundle, 'pagefind-entry.json'), 'utf8'));
      expect([bundle, entry.languages.en.page_count]).toEqual([bundle, bundle === 'pagefind/' ? 1 : 2]);
      expect(listFiles(join(site, bundle))).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.en.pagefind']));
    }
    expect(
      readdirSync(site)
        .filter((name) => name.startsWith('pagefind'))
        .sort(),
    ).toEqual(['pagefind', 'pagefind-3', 'pagefind-4']);
  });

  test('indexes again only the shard of a new article: the others are copied from the cache', async () => {
    const cacheDir = newCache();
    await indexSiteForSearch(writeSite(PAGES), { shardSize: 2, cacheDir });
    // Six pages still make four shards; the new article's path hashes to the empty shard 1.
    const site = writeSite({ ...PAGES, 'articles/f-new/index.html': articlePage('Foxtrot', 'foxtrotword') });
    const figures = await indexSiteForSearch(site, { shardSize: 2, cacheDir });
    expect(figures.shards.map((shard) => [shard.bundle, shard.pages, shard.reused])).toEqual([
      ['pagefind/', 1, true],
      ['pagefind-2/', 1, false],
      ['pagefind-3/', 2, true],
      ['pagefind-4/', 2, true],
    ]);
    expect(urlsIn(site, 'pagefind-2/')).toEqual(['/articles/f-new/']);
  });

  test('gives a site smaller than a shard one bundle at pagefind/, as Pagefind alone would', async () => {
    const site = writeSite(PAGES);
    const figures = await indexSiteForSearch(site);
    expect(figures.shards.map((shard) => [shard.bundle, shard.pages])).toEqual([['pagefind/', 5]]);
    expect(
      readdirSync(site)
        .filter((name) => name.startsWith('pagefind'))
        .sort(),
    ).toEqual(['pagefind']);
    expect(JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8'))).toMatchObject({
      bundles: ['pagefind/'],
    });
    expect(urlsIn(site, 'pagefind/')).toEqual([
      '/articles/2024/d-nested/',
      '/articles/a-first/',
      '/articles/b-second/',
      '/articles/c-third/',
      '/articles/e-last/',
    ]);
  });

  test('writes byte-identical bundles when the same site is indexed again', async () => {
    const first = writeSite(PAGES);
    const second = writeSite(PAGES);
    await indexSiteForSearch(first, { shardSize: 2 });
    await indexSiteForSearch(second, { shardSize: 2 });
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(first, file)).equals(readFileSync(join(second, file))))).toEqual(
      [],
    );
  });

  test('copies from the cache each bundle whose pages did not change, and indexes the others as a full run would', async () => {
    const cacheDir = newCache();
    const previous = writeSite(PAGES);
    await indexSiteForSearch(previous, { shardSize: 2, cacheDir });
    const edited = { ...PAGES, 'articles/c-third/index.html': articlePage('Charlie', 'charlieword, corrected') };
    const site = writeSite(edited);
    const lines: string[] = [];
    const figures = await indexSiteForSearch(site, { shardSize: 2, cacheDir, log: (line) => lines.push(line) });
    expect(figures.shards.map((shard) => [shard.bundle, shard.reused])).toEqual([
      ['pagefind/', true],
      ['pagefind-3/', false],
      ['pagefind-4/', true],
    ]);
    expect(lines[0]).toBe('Search index: pagefind/ 1 page, unchanged, copied from the last build');
    // The same files, byte for byte, as indexing the edited site from nothing.
    const fresh = writeSite(edited);
    await indexSiteForSearch(fresh, { shardSize: 2 });
    const files = listFiles(fresh);
    expect(listFiles(site)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(fresh, file)).equals(readFileSync(join(site, file))))).toEqual([]);
    // Another shard size makes other shards (two: a-first, b-second and c-third; d-nested and e-last).
    // The second holds the pages of pagefind-4/ above: a bundle depends on its pages, not on its folder.
    const resizedSite = writeSite(edited);
    const resized = await indexSiteForSearch(resizedSite, { shardSize: 3, cacheDir });
    expect(resized.shards.map((shard) => [shard.bundle, shard.reused])).toEqual([
      ['pagefind/', false],
      ['pagefind-2/', true],
    ]);
    const freshResized = writeSite(edited);
    await indexSiteForSearch(freshResized, { shardSize: 3 });
    const resizedFiles = listFiles(freshResized);
    expect(listFiles(resizedSite)).toEqual(resizedFiles);
    expect(
      resizedFiles.filter(
        (file) => !readFileSync(join(freshResized, file)).equals(readFileSync(join(resizedSite, file))),
      ),
    ).toEqual([]);
    // The cache keeps only the bundles of the last index.
    const digests = JSON.parse(readFileSync(join(resizedSite, 'pagefind/shards.json'), 'utf8')).digests as string[];
    expect(readdirSync(join(cacheDir, 'sourced-search')).sort()).toEqual([...digests].sort());
  });

  test('indexes a shard again when its cached bundle is gone or cannot be read, and leaves nothing half copied', async () => {
    const cacheDir = newCache();
    await indexSiteForSearch(writeSite(PAGES), { shardSize: 2, cacheDir });
    const cached = join(cacheDir, 'sourced-search');
    const [gone, unreadable] = readdirSync(cached);
    rmSync(join(cached, gone!), { recursive: true });
    // A file where the bundle's folder should be: reading it as a folder fails.
    rmSync(join(cached, unreadable!), { recursive: true });
    writeFileSync(join(cached, unreadable!), 'not a bundle');
    const site = writeSite(PAGES);
    const figures = await indexSiteForSearch(site, { shardSize: 2, cacheDir });
    expect(figures.shards.map((shard) => shard.reused).filter((reused) => !reused)).toHaveLength(2);
    const fresh = writeSite(PAGES);
    await indexSiteForSearch(fresh, { shardSize: 2 });
    const files = listFiles(fresh);
    expect(listFiles(site)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(fresh, file)).equals(readFileSync(join(site, file))))).toEqual([]);
  });

  test('still writes the first bundle, finding nothing, for a site with no article', async () => {
    const site = writeSite({ 'index.html': listingPage('No explainers yet') });
    const figures = await indexSiteForSearch(site, { shardSize: 2 });
    expect(figures).toMatchObject({ pages: 0, shards: [{ bundle: 'pagefind/', pages: 0 }] });
    expect(JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8')).languages).toEqual({});
    expect(JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8')).bundles).toEqual(['pagefind/']);
  });

  /** Runs `run` with Pagefind's Node API starting `binary` instead of Pagefind. */
  async function withPagefindBinary(binary: string, run: () => Promise<void>): Promise<void> {
    const saved = process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
    process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = binary;
    try {
      await run();
    } finally {
      if (saved === undefined) delete process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
      else process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = saved;
    }
  }

  test('fails, naming the step, when Pagefind cannot start', async () => {
    const site = writeSite(PAGES);
    await withPagefindBinary(join(site, 'no-such-pagefind'), () =>
      expect(indexSiteForSearch(site, { shardSize: 2 })).rejects.toThrow(
        'Pagefind failed while starting: Pagefind backend closed.',
      ),
    );
  });

  test("fails, instead of waiting for ever, when Pagefind's process ends without answering (as when it runs out of memory)", async () => {
    const site = writeSite({ ...PAGES, 'silent-pagefind': '#!/bin/sh\nsleep 0.3\n' });
    chmodSync(join(site, 'silent-pagefind'), 0o755);
    await withPagefindBinary(join(site, 'silent-pagefind'), () =>
      expect(indexSiteForSearch(site, { shardSize: 2 })).rejects.toThrow(
        "Pagefind's process ended while starting, without an answer (out of memory?).",
      ),
    );
  });

  test('fails, naming the shard, when the process indexing a shard is killed (as the system does when memory runs out)', async () => {
    // A "Pagefind" that kills the shard's process that started it.
    const site = writeSite({ ...PAGES, 'killing-pagefind': '#!/bin/sh\nkill -9 $PPID\nsleep 1\n' });
    chmodSync(join(site, 'killing-pagefind'), 0o755);
    await withPagefindBinary(join(site, 'killing-pagefind'), () =>
      expect(indexSiteForSearch(site)).rejects.toThrow(
        'Pagefind failed while indexing pagefind/: its process ended (SIGKILL) without an answer (out of memory?).',
      ),
    );
  });
});

describe('which pages are indexed', () => {
  test('an element carrying data-pagefind-body makes a page an article page; the words in text do not', () => {
    expect(isIndexedPage(articlePage('A', 'b'))).toBe(true);
    expect(isIndexedPage('<main><article class="x" data-pagefind-body="">')).toBe(true);
    expect(isIndexedPage(PAGES['topics/diplomacy/index.html'])).toBe(false);
    expect(isIndexedPage('<p>Pagefind reads data-pagefind-body attributes</p>')).toBe(false);
    expect(isIndexedPage('<article data-pagefind-body-not>')).toBe(false);
    expect(
      isIndexedPage(
        '<meta name="description" content="What data-pagefind-body does"><meta content=\'a data-pagefind-body b\'>',
      ),
    ).toBe(false);
    expect(isIndexedPage('<article title="a > b" lang=en data-pagefind-body>')).toBe(true);
    // A `<` inside a quoted value of the same tag, before the attribute.
    expect(isIndexedPage('<p>x</p><article title="a <b c" data-pagefind-body>')).toBe(true);
    expect(isIndexedPage('<meta content="a <b data-pagefind-body"><main>')).toBe(false);
  });
});

describe('the shards', () => {
  test('aim at 250 article pages unless SOURCED_SEARCH_SHARD_SIZE sets another whole number', () => {
    expect(SEARCH_SHARD_SIZE).toBe(250);
    expect(searchShardSize({})).toBe(250);
    expect(searchShardSize({ SOURCED_SEARCH_SHARD_SIZE: '' })).toBe(250);
    expect(searchShardSize({ SOURCED_SEARCH_SHARD_SIZE: '3' })).toBe(3);
    for (const wrong of ['0', '-2', '1.5', 'many']) {
      expect(() => searchShardSize({ SOURCED_SEARCH_SHARD_SIZE: wrong })).toThrow(
        `SOURCED_SEARCH_SHARD_SIZE is "${wrong}"; set it to a whole number of article pages, at least 1, or unset it.`,
      );
    }
  });

  test('are a power of two in number, enough for the shard size, and never more than 32', () => {
    expect(MAX_SHARDS).toBe(32);
    expect(
      [0, 1, 250, 251, 500, 501, 1000, 1001, 2000, 4000, 8000, 8001, 10_000, 50_000].map((pages) =>
        shardCount(pages, 250),
      ),
    ).toEqual([1, 1, 1, 2, 2, 4, 4, 8, 8, 16, 32, 32, 32, 32]);
    expect(shardCount(5, 2)).toBe(4);
    expect(shardCount(100, 1)).toBe(32);
  });

  test('hold each page by a hash of its path alone, spread evenly', () => {
    expect(shardOf('articles/a-first/index.html', 4)).toBe(0);
    expect(shardOf('articles/e-last/index.html', 4)).toBe(3);
    // Doubling the shards splits each in two: a page of shard k goes to k or k + count.
    for (let n = 0; n < 200; n++)
      expect(shardOf(`articles/a-${n}/index.html`, 8) % 4).toBe(shardOf(`articles/a-${n}/index.html`, 4));
    const sizes = new Array<number>(32).fill(0);
    for (let n = 0; n < 32_000; n++) sizes[shardOf(`articles/explainer-${n}/index.html`, 32)]!++;
    expect(Math.min(...sizes)).toBeGreaterThan(850);
    expect(Math.max(...sizes)).toBeLessThan(1150);
  });
});

describe('the bundles the search page merges', () => {
  test("are the manifest's bundles after the first, under the base path", () => {
    expect(otherBundles({ bundles: ['pagefind/', 'pagefind-2/', 'pagefind-3/'] }, '/repo/')).toEqual([
      '/repo/pagefind-2/',
      '/repo/pagefind-3/',
    ]);
    expect(otherBundles({ bundles: ['pagefind/'] }, '/')).toEqual([]);
    expect([0, 1, 11].map(bundleFolder)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-12/']);
  });

  test('are only folders named as the indexing step names them; anything else in the manifest is left out', () => {
    const manifest = {
      bundles: [
        'pagefind-2/',
        'https://elsewhere.example/pagefind/',
        '//elsewhere.example/',
        '../pagefind-3/',
        'pagefind-0/',
        'pagefind-2',
        'javascript:alert(1)//',
        7,
        null,
      ],
    };
    expect(otherBundles(manifest, '/')).toEqual(['/pagefind-2/']);
    for (const broken of [null, undefined, 'pagefind-2/', [], { bundles: 'pagefind-2/' }])
      expect(otherBundles(broken, '/')).toEqual([]);
  });
});
