import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bulkDataSummary, PART_BYTES, writeBulkData, type BulkDataJob } from './bulk-data.ts';

/**
 * Writes the site-wide open data (bulk-data.ts) once every page is built: the bulk files are
 * streamed from the articles' own JSON files, so they never sit in memory as one string. Under
 * `npm run build` (SOURCED_BULK_DATA_JOB set), it only writes what the bulk files need to that file,
 * and the build writes them while Pagefind indexes the site.
 */
export function openData(options: { /** Largest size of one bulk file, in bytes. */ partBytes?: number } = {}): AstroIntegration {
  let siteRoot = '';
  let cacheDir = '';
  return {
    name: 'sourced-open-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('astro.config.mjs sets no `site`; the open data needs absolute addresses.');
        siteRoot = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` writes the bulk files itself, while it indexes the site for search.
        const later = process.env['SOURCED_BULK_DATA_JOB'];
        if (later) {
          writeFileSync(later, `${JSON.stringify({ siteRoot, cacheDir, partBytes: options.partBytes ?? PART_BYTES } satisfies BulkDataJob)}\n`);
          return;
        }
        logger.info(bulkDataSummary(await writeBulkData(fileURLToPath(dir), siteRoot, options.partBytes)));
      },
    },
  };
}
