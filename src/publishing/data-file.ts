/**
 * Where an article's data file is and how data files are written: apart from open-data.ts, whose
 * records need the site's paths, so that the bulk files (bulk-data.ts) can be written on a worker thread,
 * away from Astro's page rendering.
 */

/** An article's JSON file, as a path inside the site. */
export const articleDataPath = (slug: string): string => `articles/${slug}.json`;

/** JSON text of a data file: two-space indented, ending with a newline. */
export function dataFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
