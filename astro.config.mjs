// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { processorOptions } from './src/markdown/pipeline.ts';
import { openData } from './src/publishing/open-data-integration.ts';
import { CSP_DIRECTIVES } from './src/publishing/security-policy.ts';

// Where the site is published: SITE_URL is the origin (plus any path the host adds), BASE_PATH the
// folder the site lives in, such as `/repo/` on GitHub Pages project sites.
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.BASE_PATH || '/';
// import.meta.env.BASE_URL and SITE must come from this config, but Astro lets environment variables
// of the same names override them in page code (vitest, for one, sets BASE_URL=/ for child processes).
for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];
// `npm run dev` would otherwise tell editors "New version available, run npx @astrojs/upgrade": the
// project's Astro is upgraded through package.json and its tests, never from an editor's terminal.
// Astro reads this variable when the dev server has started, after loading this file.
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Tests build several fixture sites at once; each gets its own cache.
  ...(process.env.SOURCED_CACHE_DIR ? { cacheDir: process.env.SOURCED_CACHE_DIR } : {}),
  // Stylesheets as files, never inline, so that the Content-Security-Policy needs no style hashes.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Scripts as files, never inline, for the same reason (Astro inlines small scripts by default).
  vite: { build: { assetsInlineLimit: 0 } },
  // Each page carries its Content-Security-Policy in a <meta> (GitHub Pages cannot send headers);
  // public/_headers sends the same policy as a header where the host reads it.
  security: { csp: { directives: [...CSP_DIRECTIVES] } },
  integrations: [
    sitemap({
      // Drafts are never pages; the search page is a tool, not content.
      filter: (page) => !new URL(page).pathname.endsWith('/search/'),
      // The sitemap protocol allows 50,000 addresses a file; sitemap-index.xml lists the files.
      // Tests set a small limit to see the split without building 45,000 pages.
      entryLimit: Number(process.env.SOURCED_SITEMAP_ENTRY_LIMIT) || 45_000,
    }),
    // /data/index.json and the NDJSON bulk files; tests set a small part size to see the split.
    openData(process.env.SOURCED_BULK_PART_BYTES ? { partBytes: Number(process.env.SOURCED_BULK_PART_BYTES) } : {}),
  ],
  markdown: {
    processor: unified(processorOptions),
    syntaxHighlight: false,
  },
  // A rebuild copies each article page whose cacheKey (the article's digest) and code are those of
  // the last build, instead of rendering it again; everything else is rendered every time.
  // Astro's data store holds only each article's summary (src/astro/article-store.ts), written in
  // parts of at most 20 MiB rather than as one string, which V8 caps near 512 MB.
  experimental: { incrementalBuild: true, collectionStorage: 'chunked' },
});
