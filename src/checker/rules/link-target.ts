import { bodyNodes } from './body-nodes.ts';
import { unsafeLinkReason } from '../../format/url.ts';
import type { Rule } from './rule.ts';

// Browsers ignore ASCII whitespace and control characters inside a URL.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The end of the message for a link target with no scheme that is neither a page of this site
 * (`/...`) nor an `#anchor`, or null when the target is fine (or refused by unsafe-link).
 */
export function linkTargetProblem(url: string): string | null {
  const squeezed = url.replace(IGNORED_IN_URL, '');
  if (
    squeezed === '' ||
    SCHEME.test(squeezed) ||
    squeezed.startsWith('/') ||
    squeezed.startsWith('#') ||
    squeezed.startsWith('\\')
  )
    return null;
  return `is not a full address, so it would lead to a page of this site that does not exist; write https://${url.trim()}, a page of this site (/articles/...) or an #anchor`;
}

/**
 * A link or image in the body points to an absolute address, a page of this site (`/...`) or an
 * `#anchor`. A target with no scheme is read relative to the article's page, so it leads nowhere.
 *
 * Good: `[the list](https://council.example.org/list)`, `[earlier](/articles/talks/)`, `[sources](#sources)`.
 * Bad: `[the list](council.example.org/list)`: `Link target "council.example.org/list" is not a full address, ...; write https://council.example.org/list, ...`
 */
export const linkTarget: Rule = {
  id: 'link-target',
  severity: 'error',
  description: 'Links and images point to a full address, a page of this site or an #anchor.',
  check({ tree }, report) {
    if (!tree) return;
    for (const { node } of bodyNodes(tree, 'link', 'image', 'definition')) {
      // A target that swallowed a citation is citation-in-link's; an unsafe one is unsafe-link's.
      if (node.url.includes('[@') || unsafeLinkReason(node.url)) continue;
      const problem = linkTargetProblem(node.url);
      if (problem)
        report.node(
          node,
          `${node.type === 'image' ? 'Image source' : 'Link target'} ${JSON.stringify(node.url)} ${problem}.`,
        );
    }
  },
};
