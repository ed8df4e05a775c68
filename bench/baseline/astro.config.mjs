// @ts-check
// The benchmark's baseline: a plain Astro 7 site with the unified Markdown pipeline and no validation,
// built from the same articles folder (SOURCED_ARTICLES_DIR) with the project's node_modules.
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  ...(process.env.SOURCED_CACHE_DIR ? { cacheDir: process.env.SOURCED_CACHE_DIR } : {}),
  build: { format: 'directory' },
  markdown: { processor: unified(), syntaxHighlight: false },
});
