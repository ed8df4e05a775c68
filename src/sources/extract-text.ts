import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The text of a fetched document. */
export interface ExtractedText {
  /** The article's readable text (Readability), or the whole text when Readability finds no article. */
  readable: string;
  /** Every text of the page outside scripts and styles: a quote from an embed or a caption is found there. */
  full: string;
}

/** The character encoding named by a Content-Type header or a `<meta>` in the first bytes, if any. */
export function charsetOf(contentType: string | null, head: Uint8Array): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  const start = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(start)?.[1];
}

/** Decodes bytes in the named encoding (windows-1251, koi8-r, ...), UTF-8 when it is unknown. */
export function decode(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: TextNode | null;
  nextSibling: TextNode | null;
}

/** The text of a DOM node with a line break around each block, so that paragraphs do not run together. */
function blockText(root: TextNode): string {
  const out: string[] = [];
  const walk = (node: TextNode) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !SKIPPED.has(child.nodeName.toUpperCase())) {
        const block = BLOCKS.has(child.nodeName.toUpperCase());
        if (block) out.push('\n');
        walk(child);
        if (block) out.push('\n');
      }
    }
  };
  walk(root);
  return out.join('');
}

/** The readable and the whole text of an HTML page. */
export function htmlText(html: string): ExtractedText {
  const { document } = parseHTML(html);
  const body = (document.body ?? document.documentElement) as unknown as TextNode | null;
  const full = body ? blockText(body) : '';
  let readable = '';
  try {
    // The serializer hands back the article's element itself, which saves parsing its HTML again.
    const article = new Readability<TextNode>(document as unknown as Document, {
      serializer: (element) => element as unknown as TextNode,
    }).parse();
    if (article?.content) readable = blockText(article.content);
  } catch {
    // Readability gives up on some pages; the whole text stands in for the article.
  }
  return { readable: readable.trim() ? readable : full, full };
}

/** The text of a PDF, all pages. */
export async function pdfText(bytes: Uint8Array): Promise<ExtractedText> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const document = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(document, { mergePages: true });
    return { readable: text, full: text };
  } finally {
    await document.destroy();
  }
}

/** The kind of document bytes are, from the Content-Type and, when it says nothing useful, the bytes. */
export function documentKind(contentType: string | null, bytes: Uint8Array): 'html' | 'pdf' | 'text' | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const startsPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
  if (type === 'application/pdf' || startsPdf) return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain') return 'text';
  if (type === '' || type === 'application/octet-stream') {
    const start = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  }
  return undefined;
}

/** The text of a fetched document, or undefined when it is of a kind that has no text to read (an image, say). */
export async function extractText(bytes: Uint8Array, contentType: string | null): Promise<ExtractedText | undefined> {
  const kind = documentKind(contentType, bytes);
  if (kind === 'pdf') return pdfText(bytes);
  if (kind === undefined) return undefined;
  const text = decode(bytes, charsetOf(contentType, bytes));
  return kind === 'html' ? htmlText(text) : { readable: text, full: text };
}
