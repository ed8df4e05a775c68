import type { Article } from '../../format/index.ts';
import type { Position, Severity } from '../diagnostic.ts';

/** What `npm run new` writes for the editor to replace (see src/cli/article-template.ts). */
export const TEMPLATE_PLACEHOLDERS = {
  description: 'Replace this with a one-paragraph summary of the story.',
  sourceId: 'example-source',
  sourceUrl: 'https://example.com/',
  body: ['Write the explainer here, in Markdown.', 'Use headings to structure the explainer.'],
} as const;

/** A placeholder left in a published article: in a field (`path`) or in the body (`at`, a position in the body). */
export interface PlaceholderFinding {
  rule: 'placeholder';
  severity: Severity;
  path?: (string | number)[];
  at?: Position;
  message: string;
}

/**
 * `placeholder` (error): a published article (not a draft) still carries the template's example
 * source, its example address, its placeholder description or its placeholder text.
 *
 * Bad: `draft: false` with `- id: example-source` and "Write the explainer here, in Markdown."
 * Good: the article's own sources, summary and text; or `draft: true` while it is being written.
 */
export function findPlaceholders(article: Article, body: string): PlaceholderFinding[] {
  if (article.draft) return [];
  const found: PlaceholderFinding[] = [];
  const error = (finding: Omit<PlaceholderFinding, 'rule' | 'severity'>) => found.push({ rule: 'placeholder', severity: 'error', ...finding });
  if (article.description.trim() === TEMPLATE_PLACEHOLDERS.description) {
    error({ path: ['description'], message: 'The description is still the template\'s placeholder; write a one-paragraph summary of the story.' });
  }
  article.sources.forEach((source, index) => {
    const which = `Source ${index + 1} (\`${source.id}\`)`;
    if (source.id === TEMPLATE_PLACEHOLDERS.sourceId) {
      error({ path: ['sources', index, 'id'], message: `${which} is the template's example source; replace it with a source the article relies on, or remove it.` });
    }
    if (source.url === TEMPLATE_PLACEHOLDERS.sourceUrl) {
      error({ path: ['sources', index, 'url'], message: `The address of ${which.toLowerCase()} is the template's example, ${source.url}; write the address of the real source.` });
    }
  });
  const lines = body.split('\n');
  lines.forEach((line, index) => {
    for (const text of TEMPLATE_PLACEHOLDERS.body) {
      const column = line.indexOf(text);
      if (column >= 0) {
        error({ at: { line: index + 1, column: column + 1 }, message: `The text still has the template's placeholder "${text}"; replace it with the explainer.` });
      }
    }
  });
  return found;
}
