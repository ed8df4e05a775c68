/** Pagefind's ready-made search interface, defined by the bundle's `pagefind-ui.js`. */
declare class PagefindUI {
  constructor(options: { element: Element; bundlePath: string; baseUrl: string; showSubResults?: boolean; showImages?: boolean });
}

/**
 * Loads Pagefind's search interface into `root`, a container with `data-bundle-path` (the
 * `pagefind/` folder under the base path) and `data-base-url` (the base path, which Pagefind
 * puts in front of its result addresses). The container's fallback text stays until the
 * interface has loaded, and is replaced by an error message if it cannot.
 */
export function startSearch(root: HTMLElement | null): void {
  const bundlePath = root?.dataset['bundlePath'];
  const baseUrl = root?.dataset['baseUrl'];
  if (!root || !bundlePath || !baseUrl) return;
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = `${bundlePath}pagefind-ui.css`;
  const script = document.createElement('script');
  script.src = `${bundlePath}pagefind-ui.js`;
  script.addEventListener('load', () => {
    root.replaceChildren();
    new PagefindUI({ element: root, bundlePath, baseUrl, showSubResults: true, showImages: false });
  });
  script.addEventListener('error', () => {
    const message = document.createElement('p');
    message.textContent = 'The search index could not be loaded. Try again later, or browse the explainers by topic.';
    root.prepend(message);
  });
  document.head.append(stylesheet, script);
}
