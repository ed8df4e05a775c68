import { otherBundles, SHARD_MANIFEST } from './search-bundles.ts';

/** Pagefind's ready-made search interface, defined by the bundle's `pagefind-ui.js`. */
declare class PagefindUI {
  constructor(options: {
    element: Element;
    bundlePath: string;
    baseUrl: string;
    showSubResults?: boolean;
    showImages?: boolean;
    /** Changes each result before it is shown. */
    processResult?: (result: SearchResult) => SearchResult;
    /** Further bundles whose results are merged with the first one's. */
    mergeIndex?: { bundlePath: string; baseUrl: string }[];
  });
}

/** A result as Pagefind's interface shows it: `excerpt` is HTML, `meta` the page's metadata as text. */
interface SearchResult {
  excerpt: string;
  meta: Record<string, string | undefined>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Puts an explainer's verdict before its excerpt: its conclusion and its claims counted by rating,
 * which its page gives Pagefind as metadata (`data-pagefind-meta`, src/components/Verdict.astro),
 * and takes them out of the metadata, which Pagefind's interface would show again as tags.
 */
export function withVerdict(result: SearchResult): SearchResult {
  const { conclusion, ratings, ...meta } = result.meta;
  const verdict = [
    conclusion
      ? `<span class="search-conclusion"><strong>Our conclusion:</strong> ${escapeHtml(conclusion)}</span>`
      : '',
    ratings ? `<span class="search-ratings">${escapeHtml(ratings)}</span>` : '',
  ].filter(Boolean);
  return verdict.length === 0
    ? result
    : { ...result, meta, excerpt: `${verdict.join(' ')} <span class="search-excerpt">${result.excerpt}</span>` };
}

/** The manifest of the index's bundles, or null when it cannot be read (then the first bundle is searched alone). */
async function readManifest(bundlePath: string): Promise<unknown> {
  try {
    const response = await fetch(`${bundlePath}${SHARD_MANIFEST}`);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/**
 * Loads Pagefind's search interface into `root`, a container with `data-bundle-path` (the
 * `pagefind/` folder under the base path) and `data-base-url` (the base path, which Pagefind
 * puts in front of its result addresses). The index may be in several bundles, which the
 * interface merges. The container's fallback text stays until the interface has loaded, and is
 * replaced by an error message if it cannot.
 */
export function startSearch(root: HTMLElement | null): void {
  const bundlePath = root?.dataset['bundlePath'];
  const baseUrl = root?.dataset['baseUrl'];
  if (!root || !bundlePath || !baseUrl) return;
  const manifest = readManifest(bundlePath);
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = `${bundlePath}pagefind-ui.css`;
  const script = document.createElement('script');
  script.src = `${bundlePath}pagefind-ui.js`;
  script.addEventListener('load', async () => {
    const mergeIndex = otherBundles(await manifest, baseUrl).map((other) => ({ bundlePath: other, baseUrl }));
    root.replaceChildren();
    new PagefindUI({
      element: root,
      bundlePath,
      baseUrl,
      // One excerpt a result, which starts with the explainer's verdict: with sub-results, Pagefind
      // shows the matching sections' excerpts instead of the page's.
      showSubResults: false,
      showImages: false,
      mergeIndex,
      processResult: withVerdict,
    });
  });
  script.addEventListener('error', () => {
    const message = document.createElement('p');
    message.textContent = 'The search index could not be loaded. Try again later, or browse the explainers by topic.';
    root.prepend(message);
  });
  document.head.append(stylesheet, script);
}
