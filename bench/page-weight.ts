import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

/** What an article page's markup budget grows with: what the reader gets. */
export interface PageCounts {
  /** Attributions in the text (`id="cite-N"`). */
  citations: number;
  /** Source cards (`<li id="source-…">`). */
  sources: number;
  /** Claims in the claims panel (`<li id="claim-…">`). */
  claims: number;
}

/** The counts of `PageCounts` in a page's HTML. */
export function pageCounts(html: string): PageCounts {
  const count = (pattern: RegExp) => html.match(pattern)?.length ?? 0;
  return { citations: count(/ id="cite-\d+"/g), sources: count(/<li id="source-/g), claims: count(/<li id="claim-/g) };
}

/**
 * The page-weight budget (docs/reading.md): a page may weigh its content's own gzip weight plus
 * 5 KB gzip of markup, and 40 B more for each citation, 60 B for each source and 80 B for each claim.
 */
export const markupBudget = ({ citations, sources, claims }: PageCounts): number =>
  5 * 1024 + 40 * citations + 60 * sources + 80 * claims;

/** Bytes, raw and gzipped at level 9. */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** What a built page weighs, and how much of it is its content. */
export interface PageWeight {
  /** The page's HTML, inline JSON-LD and `<style>` included. */
  html: Bytes;
  /** Every stylesheet the page links, each gzipped on its own as a server sends it. */
  css: Bytes & { files: number };
  /** Bytes of script the page runs, inline or linked (JSON-LD and other data blocks are not script): 0 on a reading page. */
  js: number;
  /** The HTML's gzip plus the stylesheets' gzip plus the script's bytes. */
  total: number;
  /** The content alone, as text (see `pageContent`), raw and gzipped. */
  content: Bytes;
  /** `total` minus the content's gzip: what the markup around the content costs. */
  markup: number;
  /** What the markup may cost on this page (`markupBudget`). */
  budget: number;
}

/** Gzip at level 9, the level every figure of docs/reading.md is measured at. */
export const gzipBytes = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;
const bytesOf = (data: string | Uint8Array): Bytes => ({
  raw: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
  gzip: gzipBytes(data),
});

/** Script types that are data, not code: the browser runs none of them. */
const DATA_SCRIPT = /^application\/(?:ld\+)?json$/i;
/** Elements whose text a reader never sees. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

interface Node {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<Node>;
}

/**
 * A page's content as a reader gets it, without the markup around it: each distinct text of the
 * body (titles, text, quotes, dates, claim statuses, source titles and publishers; whitespace
 * collapsed, and a text that appears again, such as a publisher named by every attribution or a
 * label repeated on every card, counted once), one a line, then each distinct address the page
 * links outside the site (a source's or an archived copy's), one a line. Attributes, the head,
 * the JSON-LD and the site's own links are markup.
 */
export function pageContent(html: string): string {
  const { document } = parseHTML(html);
  const texts = new Set<string>();
  const addresses = new Set<string>();
  const add = (text: string) => {
    const collapsed = text.replace(/\s+/g, ' ').trim();
    if (collapsed) texts.add(collapsed);
  };
  const walk = (node: Node) => {
    if (UNREAD.has(node.nodeName)) return;
    if (node.nodeName === 'A') {
      const href = (node as unknown as Element).getAttribute('href') ?? '';
      if (/^https?:\/\//i.test(href)) addresses.add(href);
    }
    // Consecutive text nodes are one text (a parser may split a text at a character reference).
    let run = '';
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) run += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        add(run);
        run = '';
        walk(child);
      }
    }
    add(run);
  };
  walk(document.body as unknown as Node);
  return [...texts, ...addresses].join('\n');
}

/**
 * Weighs an HTML page whose linked files `load(href)` reads: gzip of the HTML, plus gzip of each
 * stylesheet it links, plus the bytes of any script it runs; and the gzip of its content
 * (`pageContent`). The markup is the difference.
 */
export function weighHtml(html: string, load: (href: string) => Uint8Array): PageWeight {
  const { document } = parseHTML(html);
  const sheets = Array.from(document.querySelectorAll('link[rel~="stylesheet"][href]')).map((link) =>
    load(link.getAttribute('href')!),
  );
  let js = 0;
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if (DATA_SCRIPT.test(script.getAttribute('type') ?? '')) continue;
    const src = script.getAttribute('src');
    js += src ? load(src).length : Buffer.byteLength(script.textContent ?? '');
  }
  const htmlBytes = bytesOf(html);
  const css = {
    raw: sheets.reduce((sum, sheet) => sum + sheet.length, 0),
    gzip: sheets.reduce((sum, sheet) => sum + gzipBytes(sheet), 0),
    files: sheets.length,
  };
  const total = htmlBytes.gzip + css.gzip + js;
  const content = bytesOf(pageContent(html));
  return {
    html: htmlBytes,
    css,
    js,
    total,
    content,
    markup: total - content.gzip,
    budget: markupBudget(pageCounts(html)),
  };
}

/**
 * Weighs the page at `path` (`articles/x/`, or a file such as `404.html`) of the built site in
 * `root`, whose pages link files under the base path `base`.
 */
export function weighBuiltPage(root: string, path: string, base = '/'): PageWeight {
  const html = readFileSync(join(root, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
  const local = (href: string) => {
    const pathname = href.replace(/^https?:\/\/[^/]+/i, '').split(/[?#]/)[0]!;
    return join(root, pathname.startsWith(base) ? pathname.slice(base.length) : pathname);
  };
  return weighHtml(html, (href) => readFileSync(local(href)));
}

/** A byte count in KB with one decimal, as the docs write them. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per figure, for the command line and test messages. */
export function describeWeight(weight: PageWeight): string {
  return [
    `HTML ${kb(weight.html.raw)} raw, ${kb(weight.html.gzip)} gzip; CSS ${kb(weight.css.gzip)} gzip in ${weight.css.files} file(s); JS ${weight.js} B`,
    `page ${kb(weight.total)} gzip = content ${kb(weight.content.gzip)} gzip + markup ${kb(weight.markup)} (budget ${kb(weight.budget)})`,
  ].join('\n');
}
