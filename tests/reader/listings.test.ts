import { describe, expect, it } from 'vitest';
import { listingPagePath, pageLinks, paginateListing } from '../../src/site/pagination.ts';
import { collectPublishers, publisherSlug } from '../../src/site/publishers.ts';
import { collectCorrections } from '../../src/site/corrections.ts';
import { collectTopics, topicLabel } from '../../src/site/topics.ts';
import { newestFirst } from '../../src/site/articles.ts';
import type { Correction } from '../../src/format/index.ts';

describe('topics', () => {
  it('labels a slug for readers', () => {
    expect(topicLabel('russia-ukraine-war')).toBe('Russia ukraine war');
    expect(topicLabel('g7')).toBe('G7');
  });

  it('lists every topic by slug, with its articles in the order given, each article once', () => {
    const a = { id: 'a', data: { topics: ['diplomacy', 'war', 'diplomacy'] } };
    const b = { id: 'b', data: { topics: ['diplomacy'] } };
    expect(collectTopics([a, b])).toEqual([
      { slug: 'diplomacy', label: 'Diplomacy', articles: [a, b] },
      { slug: 'war', label: 'War', articles: [a] },
    ]);
  });
});

describe('publishers', () => {
  it('lists each publisher once, most cited first, with the articles citing it', () => {
    const a = { id: 'a', data: { publishers: ['BBC News', 'Reuters', 'bbc news '] } };
    const b = { id: 'b', data: { publishers: ['Reuters', 'AP'] } };
    expect(collectPublishers([a, b])).toEqual([
      { publisher: 'Reuters', slug: 'reuters', articles: [a, b] },
      { publisher: 'AP', slug: 'ap', articles: [b] },
      { publisher: 'BBC News', slug: 'bbc-news', articles: [a] },
    ]);
  });

  it('shows a registry publisher by its name and kind, at its id, unless a name outside the registry has that slug', () => {
    const registry = {
      tass: {
        name: 'TASS',
        country: 'RU',
        type: 'news-agency',
        stateAffiliated: true,
        basis: 'https://example.org/tass',
      },
      'bbc-news': { name: 'BBC News', country: 'GB', type: 'broadcaster', stateAffiliated: false },
    } as unknown as Parameters<typeof collectPublishers>[1];
    const a = { id: 'a', data: { publishers: ['tass', 'bbc-news', 'Bbc News'] } };
    const uses = collectPublishers([a], registry);
    expect(uses.map(({ publisher, slug, description }) => [publisher, slug, description])).toEqual([
      ['Bbc News', 'bbc-news', undefined],
      ['BBC News', publisherSlug('bbc-news'), 'British broadcaster'],
      ['TASS', 'tass', 'Russian state news-agency'],
    ]);
  });

  it('gives each publisher a slug from its name alone: plain words as they are, any other name with a hash', () => {
    expect(publisherSlug('BBC News')).toBe('bbc-news');
    expect(publisherSlug(' bbc  news ')).toBe('bbc-news');
    expect(publisherSlug('Le Monde')).toBe('le-monde');
    // Names that would give the same words get a hash of the name, so no two publishers share a page.
    expect(publisherSlug('Le-Monde')).toMatch(/^le-monde--[0-9a-f]{12}$/);
    expect(publisherSlug('Le-Monde')).not.toBe(publisherSlug('Le.Monde'));
    expect(publisherSlug('Presidency of Türkiye')).toMatch(/^presidency-of-turkiye--[0-9a-f]{12}$/);
    expect(publisherSlug('الجزيرة')).toMatch(/^publisher--[0-9a-f]{12}$/);
    expect(publisherSlug('Page')).toMatch(/^page--[0-9a-f]{12}$/);
    expect(publisherSlug('Reuters')).toBe(publisherSlug('reuters'));
  });
});

describe('pagination', () => {
  it('splits a listing into fixed-size pages at /<listing>/page/N/, with previous and next', () => {
    const pages = paginateListing([1, 2, 3, 4, 5], 'topics/war/', String, 2);
    expect(
      pages.map(({ param, page }) => [param, page.number, page.pages, page.items, page.path, page.prev, page.next]),
    ).toEqual([
      [undefined, 1, 3, [1, 2], '/topics/war/', undefined, '/topics/war/page/2/'],
      ['page/2', 2, 3, [3, 4], '/topics/war/page/2/', '/topics/war/', '/topics/war/page/3/'],
      ['page/3', 3, 3, [5], '/topics/war/page/3/', '/topics/war/page/2/', undefined],
    ]);
    expect(listingPagePath('', 1)).toBe('/');
    expect(listingPagePath('', 4)).toBe('/page/4/');
  });

  it('has one empty first page for an empty listing', () => {
    expect(
      paginateListing([], 'corrections/', String).map(({ page }) => [page.number, page.pages, page.items]),
    ).toEqual([[1, 1, []]]);
  });

  it('keys a page on what it shows, so that an edit elsewhere leaves its cache key', () => {
    const key = (items: string[]) => paginateListing(items, '', String, 2).map(({ cacheKey }) => cacheKey);
    const [first, second] = key(['a', 'b', 'c']);
    expect(key(['a', 'b', 'd'])[0]).toBe(first);
    expect(key(['a', 'b', 'd'])[1]).not.toBe(second);
    // A new page changes every page's count of pages.
    expect(key(['a', 'b', 'c', 'd', 'e'])[0]).not.toBe(first);
  });

  it('links the first, the last and two pages either side of the current one', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageLinks(50, 1000)).toEqual([1, null, 48, 49, 50, 51, 52, null, 1000]);
    expect(pageLinks(999, 1000)).toEqual([1, null, 997, 998, 999, 1000]);
  });
});

describe('site corrections', () => {
  it('lists every correction newest first, keeping the order of same-day corrections', () => {
    const correction = (date: string, text: string): Correction => ({ date, text });
    const a = { id: 'a', data: { corrections: [correction('2025-05-01', 'a1'), correction('2025-06-01', 'a2')] } };
    const b = { id: 'b', data: { corrections: [correction('2025-06-01', 'b1'), correction('2025-05-15', 'b2')] } };
    expect(collectCorrections([a, b]).map(({ article, correction: { text } }) => `${article.id}:${text}`)).toEqual([
      'a:a2',
      'b:b1',
      'b:b2',
      'a:a1',
    ]);
  });
});

describe('the order of every listing', () => {
  it('is newest first, by publication date or date-time, and by slug for the same moment', () => {
    const entry = (id: string, published: string) => ({ id, data: { published } });
    const items = [
      entry('b-same-day', '2025-05-20'),
      entry('oldest', '2019-01-02'),
      entry('a-same-day', '2025-05-20'),
      entry('evening', '2025-05-21T18:00:00+02:00'),
      entry('newest', '2025-05-22'),
      entry('utc-morning', '2025-05-21T17:00:00Z'),
    ];
    expect(newestFirst(items).map((item) => item.id)).toEqual([
      'newest',
      'utc-morning',
      'evening',
      'a-same-day',
      'b-same-day',
      'oldest',
    ]);
    // The list given is left as it was.
    expect(items[0]!.id).toBe('b-same-day');
  });
});
