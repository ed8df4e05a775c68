import type { Rule } from './rule.ts';

/**
 * Rendering an article that passed every other rule does not fail. Only the build applies it (the
 * content loader, src/astro/article-loader.ts), so that no page is published empty.
 *
 * Good: every article the checker passes.
 * Bad: a Markdown plugin that throws: `Rendering the article failed: ...; nothing was published.`
 */
export const renderFailed: Rule = {
  id: 'render-failed',
  severity: 'error',
  description: 'Rendering the article does not fail (applied by the build).',
};
