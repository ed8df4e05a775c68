import { createHash } from 'node:crypto';
import { sitePath } from './addresses.ts';

/** How many entries a listing page shows. */
export const PAGE_SIZE = 50;

/** One page of a paginated listing. */
export interface ListingPage<T> {
  /** 1 for the first page. */
  number: number;
  /** How many pages the listing has (at least 1). */
  pages: number;
  /** How many entries the whole listing has. */
  total: number;
  /** This page's entries. */
  items: T[];
  /** The listing's path inside the site, for listingPagePath. */
  listing: string;
  /** Site paths of this page and of the previous and next pages. */
  path: string;
  prev: string | undefined;
  next: string | undefined;
}

/**
 * The address of page `number` of the listing at `listing` (a path inside the site such as
 * `topics/diplomacy/`): the listing itself for page 1, then `<listing>page/2/` and so on.
 */
export function listingPagePath(listing: string, number: number): string {
  return sitePath(number === 1 ? listing : `${listing}page/${number}/`);
}

/**
 * Splits a listing into pages of `size`, each with the rest parameter of its route (`undefined`
 * for page 1, then `page/2`, ...), so that `[...page].astro` serves them at stable addresses.
 * An empty listing still has its first page. Each page's `cacheKey` digests what the page shows
 * (`keyOf` of each item, such as an article's id and digest, and the page count), so that a
 * rebuild copies the pages an edit did not change (experimental.incrementalBuild).
 */
export function paginateListing<T>(
  items: readonly T[],
  listing: string,
  keyOf: (item: T) => string,
  size = PAGE_SIZE,
): { param: string | undefined; cacheKey: string; page: ListingPage<T> }[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const pathOf = (number: number) => listingPagePath(listing, number);
  return Array.from({ length: pages }, (_, index) => {
    const number = index + 1;
    const shown = items.slice(index * size, number * size);
    const key = createHash('sha256').update(JSON.stringify([listing, number, pages, items.length, shown.map(keyOf)]));
    return {
      param: number === 1 ? undefined : `page/${number}`,
      cacheKey: key.digest('base64url'),
      page: {
        number,
        pages,
        total: items.length,
        items: shown,
        listing,
        path: pathOf(number),
        prev: number > 1 ? pathOf(number - 1) : undefined,
        next: number < pages ? pathOf(number + 1) : undefined,
      },
    };
  });
}

/**
 * The page numbers a page's navigation links to: the first and last, and two either side of the
 * current one; `null` stands for a gap. Ten thousand pages still give at most nine links.
 */
export function pageLinks(current: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])]
    .filter((number) => number >= 1 && number <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((number, index) => (index > 0 && number - shown[index - 1]! > 1 ? [null, number] : [number]));
}
