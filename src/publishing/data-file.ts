/**
 * How data files are written: apart from open-data.ts, so that `npm run build` can write the bulk
 * files (bulk-data.ts) outside Astro. Their addresses are built in src/site/addresses.ts.
 */
export { articleDataPath } from '../site/addresses.ts';

/** JSON text of a data file: two-space indented, ending with a newline. */
export function dataFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
