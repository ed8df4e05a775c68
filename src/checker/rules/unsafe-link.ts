import { bodyNodes } from './body-nodes.ts';
import { unsafeLinkReason } from '../../format/url.ts';
import type { Rule } from './rule.ts';

/**
 * Links and images in the body point to http(s) addresses, to pages of this site or to anchors:
 * never `javascript:`, `data:`, `file:` or a protocol-relative `//host` address.
 *
 * Good: `[the statement](https://www.president.gov.ua/en/news)`, `[earlier](/articles/talks/)`, `[sources](#sources)`.
 * Bad: `[click](javascript:alert(1))`, `![map](data:image/png;base64,...)`.
 */
export const unsafeLink: Rule = {
  id: 'unsafe-link',
  severity: 'error',
  description: 'Links and images point only to http(s) addresses, pages of this site or #anchors.',
  check({ tree }, report) {
    if (!tree) return;
    for (const { node } of bodyNodes(tree, 'link', 'image', 'definition')) {
      const reason = unsafeLinkReason(node.url);
      if (reason) {
        const what = node.type === 'image' ? 'Image source' : 'Link target';
        report.node(
          node,
          `${what} ${JSON.stringify(node.url)} ${reason}; link only to https:// addresses, to pages of this site (/articles/...) or to #anchors.`,
        );
      }
    }
  },
};
