import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { buildDir, buildSite, writeArticles, type BuiltSite } from '../helpers/site.ts';

// Two builds share a cache when they are given the same SOURCED_CACHE_DIR.
const EDIT = 'An editor added this sentence before the rebuild.';
// Astro logs each page as it starts it, then "(restored)" or "(cached)" right after the path when
// it copies the page from the last build instead of rendering it.
const copied = (output: string, path: string) =>
  new RegExp(` ${path.replace(/[.]/g, '\\.')} \\((?:restored|cached)\\)`).test(output);
const logged = (output: string, path: string) => output.includes(` ${path}`);

describe('a rebuild after one article is edited', () => {
  let dir: string;
  let outDir: string;
  let cache: string;
  let first: BuiltSite;
  let second: BuiltSite;
  let untouchedBefore: string;
  let untouchedDataBefore: string;
  let editedBefore: string;
  let keptFromFirst: string;

  beforeAll(() => {
    // Each article's claim has a claimant, so each has a claim page and two share images.
    const claimed = VALID_FRONTMATTER.replace(
      '    status: confirmed\n',
      '    status: confirmed\n    claimant: A post\n',
    );
    dir = writeArticles({
      'talks.md': article(claimed),
      'ceasefire.md': article(claimed.replace('title: Talks in Istanbul', 'title: Ceasefire talks')),
    });
    outDir = join(buildDir('incremental-'), 'dist');
    cache = join(buildDir('incremental-cache-'), 'cache');
    first = buildSite(dir, { outDir, env: { SOURCED_CACHE_DIR: cache } });
    expect(first.status, first.output).toBe(0);
    untouchedBefore = first.read('articles/ceasefire/index.html');
    untouchedDataBefore = first.read('articles/ceasefire.json');
    editedBefore = first.read('articles/talks/index.html');
    // Another name for the first build's page of the article about to be edited, as a previous
    // output folder still being served would hold it.
    keptFromFirst = join(buildDir('incremental-kept-'), 'talks.html');
    linkSync(join(outDir, 'articles/talks/index.html'), keptFromFirst);
    writeFileSync(join(dir, 'talks.md'), `${article(claimed).trimEnd()}\n\n${EDIT}\n`);
    second = buildSite(dir, { outDir, env: { SOURCED_CACHE_DIR: cache } });
    expect(second.status, second.output).toBe(0);
  });

  it('renders again the edited article only', () => {
    expect(second.output).toContain('1 article rendered, 1 unchanged');
    expect(second.read('articles/talks/index.html')).toContain(EDIT);
    // The articles' JSON files are written after the pages: the edited article's again.
    expect(second.output).toMatch(/^2 article data files: 1 written, 1 unchanged$/m);
  });

  it("copies the untouched article's page and data from the last build, byte for byte", () => {
    expect(copied(second.output, '/articles/ceasefire/index.html')).toBe(true);
    expect(logged(second.output, '/articles/talks/index.html')).toBe(true);
    expect(copied(second.output, '/articles/talks/index.html')).toBe(false);
    expect(second.read('articles/ceasefire/index.html')).toBe(untouchedBefore);
    expect(second.read('articles/ceasefire.json')).toBe(untouchedDataBefore);
  });

  // patches/astro+7.3.5.patch (docs/patches.md): Astro's incremental cache keeps each page as a
  // second name of the built file, and puts it back the same way, instead of copying its bytes.
  it('keeps one copy of each page on disk: the cache and the site share it', () => {
    const inode = (file: string) => statSync(file).ino;
    for (const page of ['articles/ceasefire/index.html', 'articles/talks/index.html', 'articles/talks/share.png']) {
      expect([page, inode(join(outDir, page))]).toEqual([page, inode(join(cache, 'dist', page))]);
    }
  });

  it('never writes a page of an earlier build over: a rendered page gets a file of its own', () => {
    expect(readFileSync(keptFromFirst, 'utf8')).toBe(editedBefore);
    expect(readFileSync(join(cache, 'dist/articles/talks/index.html'), 'utf8')).toContain(EDIT);
  });

  it("copies the untouched article's claim page, and every share image whose text did not change", () => {
    expect(first.output).toContain('[sourced-share-images] 4 share images drawn, 0 from the cache');
    expect(copied(second.output, '/articles/ceasefire/claims/ceasefire-demand/index.html')).toBe(true);
    expect(logged(second.output, '/articles/talks/claims/ceasefire-demand/index.html')).toBe(true);
    expect(copied(second.output, '/articles/talks/claims/ceasefire-demand/index.html')).toBe(false);
    // The edit changed the text, not the headline nor any claim: no image is drawn again.
    for (const image of [
      '/articles/talks/share.png',
      '/articles/talks/claims/ceasefire-demand/share.png',
      '/articles/ceasefire/share.png',
    ]) {
      expect([image, copied(second.output, image)]).toEqual([image, true]);
    }
    expect(second.output).toContain('[sourced-share-images] 0 share images drawn, 0 from the cache');
  });

  it('renders every page again when the site address changes', () => {
    const moved = buildSite(dir, { outDir, env: { SOURCED_CACHE_DIR: cache, SITE_URL: 'https://news.example.com' } });
    expect(moved.status, moved.output).toBe(0);
    expect(logged(moved.output, '/articles/ceasefire/index.html')).toBe(true);
    expect(copied(moved.output, '/articles/ceasefire/index.html')).toBe(false);
    expect(moved.read('articles/ceasefire/index.html')).toContain(
      '<link rel="canonical" href="https://news.example.com/articles/ceasefire/">',
    );
    // The images show the same text: they come from the share images' cache, none is drawn.
    expect(moved.output).toContain('[sourced-share-images] 0 share images drawn, 4 from the cache');
  });

  it('drops the page of an article that was deleted', () => {
    rmSync(join(dir, 'ceasefire.md'));
    const after = buildSite(dir, { outDir, env: { SOURCED_CACHE_DIR: cache } });
    expect(after.status, after.output).toBe(0);
    expect(() => readFileSync(join(outDir, 'articles/ceasefire/index.html'))).toThrow();
    expect(after.read('index.html')).not.toContain('/articles/ceasefire/');
  });
});
