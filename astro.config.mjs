// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins, remarkRehype } from './src/markdown/pipeline.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Tests build several fixture sites at once; each gets its own cache.
  ...(process.env.SOURCED_CACHE_DIR ? { cacheDir: process.env.SOURCED_CACHE_DIR } : {}),
  build: { format: 'directory' },
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins, remarkRehype }),
    syntaxHighlight: false,
  },
});
