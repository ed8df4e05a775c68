import type { Rule } from './rule.ts';

/** What `npm run new` writes for the editor to replace (see src/cli/article-template.ts). */
export const TEMPLATE_PLACEHOLDERS = {
  description: 'Replace this with a one-paragraph summary of the story.',
  sourceId: 'example-source',
  sourceUrl: 'https://example.com/',
  sourcePublisher: 'example-publisher',
  sourceTitle: 'Example Domain',
  body: ['Write the explainer here, in Markdown.', 'Use headings to structure the explainer.'],
} as const;

/**
 * A published article (not a draft) carries none of the template's placeholders: its example
 * source, the source's example address, the placeholder description or the placeholder text.
 *
 * Good: the article's own sources, summary and text; or `draft: true` while it is being written.
 * Bad: `draft: false` with `- id: example-source`: `Source 1 (`example-source`) is the template's example source; replace it with a source the article relies on, or remove it.`
 */
export const placeholder: Rule = {
  id: 'placeholder',
  severity: 'error',
  description: "A published article carries none of the template's placeholders.",
  check({ article, body, bodyLine }, report) {
    if (!article || article.draft) return;
    if (article.description.trim() === TEMPLATE_PLACEHOLDERS.description) {
      report.field(
        ['description'],
        "The description is still the template's placeholder; write a one-paragraph summary of the story.",
      );
    }
    article.sources.forEach((source, index) => {
      const which = `source ${index + 1} (\`${source.id}\`)`;
      if (source.id === TEMPLATE_PLACEHOLDERS.sourceId) {
        report.field(
          ['sources', index, 'id'],
          `S${which.slice(1)} is the template's example source; replace it with a source the article relies on, or remove it.`,
        );
      }
      if (source.publisher === TEMPLATE_PLACEHOLDERS.sourcePublisher) {
        report.field(
          ['sources', index, 'publisher'],
          `The publisher of ${which} is the template's example, "${source.publisher}"; write who published the real source.`,
        );
      }
      if (source.title === TEMPLATE_PLACEHOLDERS.sourceTitle) {
        report.field(
          ['sources', index, 'title'],
          `The title of ${which} is the template's example, "${source.title}"; write the real source's headline or title.`,
        );
      }
      if (source.url === TEMPLATE_PLACEHOLDERS.sourceUrl) {
        report.field(
          ['sources', index, 'url'],
          `The address of ${which} is the template's example, ${source.url}; write the address of the real source.`,
        );
      }
    });
    body.split('\n').forEach((line, index) => {
      for (const text of TEMPLATE_PLACEHOLDERS.body) {
        const column = line.indexOf(text);
        if (column >= 0) {
          report.at(
            { line: index + bodyLine, column: column + 1 },
            `The text still has the template's placeholder "${text}"; replace it with the explainer.`,
          );
        }
      }
    });
  },
};
