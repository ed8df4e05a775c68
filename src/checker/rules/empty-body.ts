import type { Rule } from './rule.ts';

const HTML_COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

/**
 * The article has text after its frontmatter: a body of blank lines or HTML comments would
 * publish an empty page.
 *
 * Good: `The delegations met in Istanbul [@talks-held].`
 * Bad: nothing after the closing `---`, or only `<!-- write the explainer here -->`.
 */
export const emptyBody: Rule = {
  id: 'empty-body',
  severity: 'error',
  description: 'The article has text after the frontmatter.',
  check({ tree, body, bodyLine }, report) {
    if (!tree) return;
    if (
      body.trim() === '' ||
      tree.children.every((node) => node.type === 'html' && HTML_COMMENT.test(node.value.trim()))
    ) {
      report.at(
        { line: bodyLine, column: 1 },
        'The article has no text after the frontmatter; write the explainer below the closing "---".',
      );
    }
  },
};

/** True for an HTML comment, which raw-html lets through and which no page shows. */
export const isHtmlComment = (html: string): boolean => HTML_COMMENT.test(html.trim());
