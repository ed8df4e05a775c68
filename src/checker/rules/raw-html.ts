import { bodyNodes } from './body-nodes.ts';
import { isHtmlComment } from './empty-body.ts';
import type { Rule } from './rule.ts';

/**
 * The body holds no raw HTML (HTML comments aside): Markdown says everything an explainer needs,
 * and HTML could carry script.
 *
 * Good: `**bold**`, `_italic_`, `[text](https://example.org)`.
 * Bad: `<b>bold</b>`, `<script>alert(1)</script>`.
 */
export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'error',
  description: 'The body holds no raw HTML; HTML comments are allowed.',
  check({ tree }, report) {
    if (!tree) return;
    for (const { node } of bodyNodes(tree, 'html')) {
      if (isHtmlComment(node.value)) continue;
      const tag = /^<(\/?[a-z][a-z0-9-]*)/i.exec(node.value)?.[1];
      report.node(
        node,
        `Raw HTML${tag ? ` (<${tag.toLowerCase()}>)` : ''} is not allowed in an article; write Markdown instead (**bold**, _italic_, [text](https://example.org), > quote).`,
      );
    }
  },
};
