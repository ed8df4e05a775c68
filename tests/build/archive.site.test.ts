import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { dateValue } from '../../src/format/index.ts';
import { buildSite, ROOT, type BuiltSite } from '../helpers/site.ts';

// A few hundred generated explainers, with a small sitemap entry limit and bulk part size so that
// the splits the full-size limits make at tens of thousands of explainers show here.
const ARTICLES = 260;
const PAGE_SIZE = 50;
const SITEMAP_LIMIT = 100;
const PART_BYTES = 600_000;
const HOME = 'https://example.org/';

let site: BuiltSite;
/** Every article's slug, newest first, as the listings order them. */
let newestFirst: string[];
const records = new Map<
  string,
  { published: string; topics: string[]; sources: { publisher: string }[]; claims: unknown[] }
>();

/** The article links of a listing page, in order. */
const listed = (page: string) =>
  [...page.matchAll(/<h2 class="title"[^>]*><a href="\/articles\/([^"]+)\/"/g)].map((match) => match[1]!);
const headLink = (page: string, rel: 'prev' | 'next') =>
  new RegExp(`<link rel="${rel}" href="([^"]+)">`).exec(page)?.[1];
const navLink = (page: string, rel: 'prev' | 'next') => new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(page)?.[1];
const fileOf = (path: string) => `${path.replace(/^\//, '')}index.html`;

/**
 * Follows a listing from its first page through its "next" links, checking on each page that the
 * `<link rel>` in the head and the navigation agree with the page's address; returns the entries in order.
 */
function walkListing(listing: string): { pages: string[]; entries: string[] } {
  const pages: string[] = [];
  const entries: string[] = [];
  for (let path: string | undefined = `/${listing}`, number = 1; path; number++) {
    const page = site.read(fileOf(path));
    pages.push(path);
    expect(path).toBe(number === 1 ? `/${listing}` : `/${listing}page/${number}/`);
    const previous = pages.at(-2);
    expect([path, headLink(page, 'prev')]).toEqual([path, previous && `${HOME.slice(0, -1)}${previous}`]);
    expect([path, navLink(page, 'prev')]).toEqual([path, previous]);
    const next = navLink(page, 'next');
    expect([path, headLink(page, 'next')]).toEqual([path, next && `${HOME.slice(0, -1)}${next}`]);
    if (next || number > 1) expect(page).toContain(`<a href="${path}" aria-current="page"`);
    const onPage = listed(page);
    // Every page but the last is full.
    expect([path, onPage.length === PAGE_SIZE || (!next && onPage.length > 0 && onPage.length <= PAGE_SIZE)]).toEqual([
      path,
      true,
    ]);
    entries.push(...onPage);
    path = next;
  }
  return { pages, entries };
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-archive-'));
  generateArticles(dir, ARTICLES, 3, join(ROOT, 'content/articles/zelensky-invites-putin-to-turkiye.md'));
  site = buildSite(dir, {
    env: { SOURCED_SITEMAP_ENTRY_LIMIT: String(SITEMAP_LIMIT), SOURCED_BULK_PART_BYTES: String(PART_BYTES) },
  });
  if (site.status !== 0) throw new Error(`The generated archive did not build:\n${site.output}`);
  for (const name of readdirSync(join(site.outDir, 'articles')).filter((file) => file.endsWith('.json'))) {
    records.set(name.replace(/\.json$/, ''), JSON.parse(site.read(`articles/${name}`)));
  }
  newestFirst = [...records]
    .sort(([a, x], [b, y]) => dateValue(y.published) - dateValue(x.published) || (a < b ? -1 : 1))
    .map(([slug]) => slug);
}, 600_000);

describe('an archive of a few hundred explainers', () => {
  it('lists every explainer once, newest first, on home pages of fifty linked by prev and next', () => {
    expect(records.size).toBe(ARTICLES);
    const { pages, entries } = walkListing('');
    expect(pages).toHaveLength(Math.ceil(ARTICLES / PAGE_SIZE));
    expect(entries).toEqual(newestFirst);
    expect(site.read('page/3/index.html')).toContain('<title>Latest explainers, page 3 of 6 | Sourced</title>');
  });

  it("lists each topic's explainers on its own pages", () => {
    const counts = new Map<string, number>();
    for (const record of records.values())
      for (const topic of record.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    const [topic] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const expected = newestFirst.filter((slug) => records.get(slug)!.topics.includes(topic));
    expect(expected.length).toBeGreaterThan(PAGE_SIZE);
    expect(walkListing(`topics/${topic}/`).entries).toEqual(expected);
  });

  it('lists publishers with their counts, each linking to its own paginated page of the explainers citing it', () => {
    const index = walkListingOfPublishers();
    const cited = new Map<string, number>();
    for (const record of records.values()) {
      for (const key of new Set(record.sources.map((source) => source.publisher.trim().toLowerCase())))
        cited.set(key, (cited.get(key) ?? 0) + 1);
    }
    expect(index.map(({ count }) => count)).toEqual([...cited.values()].sort((a, b) => b - a));
    const top = index[0]!;
    expect(top.count).toBeGreaterThan(PAGE_SIZE);
    const { entries } = walkListing(top.href.slice(1));
    expect(entries).toHaveLength(top.count);
    expect(new Set(entries).size).toBe(top.count);
    expect(entries).toEqual(newestFirst.filter((slug) => entries.includes(slug)));
  });

  it('keeps the newest fifty explainers in the RSS feed', () => {
    const items = [...site.read('rss.xml').matchAll(/<link>https:\/\/example\.org\/articles\/([^<]+)\/<\/link>/g)].map(
      (match) => match[1],
    );
    expect(items).toEqual(newestFirst.slice(0, 50));
  });

  it('splits the sitemap into files of at most the entry limit, together listing every page once', () => {
    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const files = parser
      .parse(site.read('sitemap-index.xml'))
      .sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(files.length).toBeGreaterThan(2);
    expect(files).toEqual(files.map((_: string, index: number) => `${HOME}sitemap-${index}.xml`));
    const urls = files.flatMap((file: string) => {
      const list = parser
        .parse(site.read(file.slice(HOME.length)))
        .urlset.url.map((entry: { loc: string }) => entry.loc);
      expect(list.length).toBeLessThanOrEqual(SITEMAP_LIMIT);
      return list;
    });
    const pages = (readdirSync(site.outDir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('index.html') && !file.startsWith('search/'))
      // A claim's embeddable card is a frame for other sites, not a page to list.
      .filter((file) => !file.endsWith('/card/index.html'))
      .map((file) => `${HOME}${file.replace(/index\.html$/, '')}`);
    expect([...urls].sort()).toEqual(pages.sort());
  });

  it('writes every claim and source as valid NDJSON in parts under the size limit, as /data/index.json lists them', () => {
    const index = JSON.parse(site.read('data/index.json'));
    const claims = [...records.values()].reduce((sum, record) => sum + record.claims.length, 0);
    const sources = [...records.values()].reduce((sum, record) => sum + record.sources.length, 0);
    expect(index).toMatchObject({ site: HOME, articles: ARTICLES, claims, sources });
    for (const name of ['claims', 'sources'] as const) {
      const parts: { url: string; records: number; bytes: number }[] = index.files[name];
      expect(parts.length).toBeGreaterThan(1);
      const order: string[] = [];
      parts.forEach((part, number) => {
        const file = `data/${name}-${String(number + 1).padStart(4, '0')}.ndjson`;
        expect(part.url).toBe(`${HOME}${file}`);
        expect(statSync(join(site.outDir, file)).size).toBe(part.bytes);
        expect(part.bytes).toBeLessThanOrEqual(PART_BYTES);
        const text = readFileSync(join(site.outDir, file), 'utf8');
        expect(text.endsWith('\n')).toBe(true);
        const lines = text.slice(0, -1).split('\n');
        expect(lines).toHaveLength(part.records);
        for (const line of lines) {
          const record = JSON.parse(line);
          expect(record.article.data).toBe(`${HOME}articles/${record.article.slug}.json`);
          if (order.at(-1) !== record.article.slug) order.push(record.article.slug);
        }
      });
      expect(parts.reduce((sum, part) => sum + part.records, 0)).toBe(name === 'claims' ? claims : sources);
      expect(order).toEqual(newestFirst.filter((slug) => records.get(slug)![name].length > 0));
    }
  });
});

/** The sources index, page after page: each publisher's link and count. */
function walkListingOfPublishers(): { href: string; count: number }[] {
  const rows: { href: string; count: number }[] = [];
  for (let path: string | undefined = '/sources/'; path; path = navLink(site.read(fileOf(path)), 'next')) {
    const page = site.read(fileOf(path));
    for (const match of page.matchAll(
      /<th scope="row"[^>]*><a href="([^"]+)"[^>]*>[^<]*<\/a><\/th><td class="count"[^>]*>(\d+)<\/td>/g,
    )) {
      rows.push({ href: match[1]!, count: Number(match[2]) });
    }
  }
  return rows;
}
