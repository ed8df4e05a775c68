// Browsers ignore ASCII whitespace and control characters inside a URL: `java\tscript:`.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `link-target` (error): a link or image in the body points neither to an absolute address (a
 * scheme, which `unsafe-link` judges), nor to a page of this site (`/...`), nor to an `#anchor`.
 * Such a target is read relative to the article's page, so it leads nowhere.
 *
 * Bad: `[the list](council.example.org/list)`, `![map](map.png)`.
 * Good: `[the list](https://council.example.org/list)`, `[earlier](/articles/talks/)`, `[sources](#sources)`.
 *
 * Returns the message's end (after `Link target "..."`), or null when the target is fine.
 */
export function linkTargetProblem(url: string): string | null {
  const squeezed = url.replace(IGNORED_IN_URL, '');
  if (squeezed === '' || SCHEME.test(squeezed) || squeezed.startsWith('/') || squeezed.startsWith('#') || squeezed.startsWith('\\')) return null;
  return `is not a full address, so it would lead to a page of this site that does not exist; write https://${url.trim()}, a page of this site (/articles/...) or an #anchor`;
}
