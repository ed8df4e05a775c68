import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeBulkData } from './bulk-data.ts';

/**
 * Writes the site-wide open data (bulk-data.ts) once every page is built: the bulk files are
 * streamed from the articles' own JSON files, so they never sit in memory as one string.
 */
export function openData(options: { /** Largest size of one bulk file, in bytes. */ partBytes?: number } = {}): AstroIntegration {
  let siteRoot = '';
  return {
    name: 'sourced-open-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('astro.config.mjs sets no `site`; the open data needs absolute addresses.');
        siteRoot = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const index = await writeBulkData(fileURLToPath(dir), siteRoot, options.partBytes);
        logger.info(
          `${index.claims} claims in ${index.files.claims.length} and ${index.sources} sources in ${index.files.sources.length} bulk files`,
        );
      },
    },
  };
}
