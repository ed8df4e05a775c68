// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins, remarkRehype } from './src/markdown/pipeline.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins, remarkRehype }),
    syntaxHighlight: false,
  },
});
