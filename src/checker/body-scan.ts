import type { Env, MarkdownIt, Token } from 'markdown-it';
import { createRequire } from 'node:module';
import { unsafeLinkReason, type BodyCitation, type BodyReport } from './body-check.ts';
import { findCitations, type CitationMatch } from '../format/citations.ts';
import { mayHoldBracketedId } from './rules/citation-without-at.ts';
import { linkTargetProblem } from './rules/link-target.ts';
import { lineStarts, positionOf } from './text-position.ts';

/**
 * The quick check of a Markdown body, which `checkArticle` tries before the exact one.
 *
 * Parsing with micromark, which the site renders with, takes about 3 ms for an explainer; the
 * checker's other work about 0.6 ms. Most bodies are plain prose with citations, links, emphasis,
 * headings, lists and quotes, where every `[@...]` in the text is a citation: for those a search of
 * the text is enough. Otherwise markdown-it, which parses the same CommonMark about fifteen times
 * faster than micromark, confirms that the body is clean: every citation names a known id, none
 * sits in a link, no link has an unsafe target, no raw HTML.
 *
 * It answers only when it is sure. Whenever the body holds something on which the parsers can
 * differ (GitHub's autolinks, strikethrough and footnotes, HTML, escapes and entities, citations
 * over several lines, a `[@` that begins no citation) or anything that could be a problem, it
 * returns `undefined` and the exact check runs, with the exact messages. As a last guard, the
 * citations markdown-it finds must be exactly those the search of the text finds, in order: a
 * citation that one parser would hide in code and the other would not cannot slip through.
 */
/** A link target neither `unsafe-link` nor `link-target` refuses. */
const safeTarget = (url: string) => !unsafeLinkReason(url) && !linkTargetProblem(url);

export function quickCheckBody(body: string, ids: readonly string[]): BodyReport | undefined {
  if (body.trim() === '' || MAY_DIFFER.test(body) || ENTITY.test(body)) return undefined;
  // A `[known-id]` without its `@` gets a warning from the exact check.
  if (mayHoldBracketedId(body, ids)) return undefined;
  const known = new Set(ids);
  const raw = findCitations(body);
  // A `[@` that begins no citation may be a broken one (or sit in code): the exact check decides.
  if (countOpenings(body) !== raw.length) return undefined;
  for (const { start, end, ids: cited, malformed } of raw) {
    if (malformed.length > 0 || !cited.every((id) => known.has(id)) || body.slice(start, end).includes('\n')) return undefined;
  }
  if (AUTOLINK_LITERAL.test(cut(body.replace(SAFE_DESTINATION, blank), raw))) return undefined;
  if (!isPlainProse(body, raw) && !markdownItAgrees(body, raw, known)) return undefined;
  const starts = lineStarts(body);
  const citations: BodyCitation[] = raw.map((match) => ({ ...positionOf(match.start, starts), ids: match.ids }));
  return { problems: [], citations };
}

/** How many times `[@` occurs in `text`. */
function countOpenings(text: string): number {
  let count = 0;
  for (let at = text.indexOf('[@'); at >= 0; at = text.indexOf('[@', at + 2)) count++;
  return count;
}

// Code spans and fences (` and ~~~), indented code, images, link definitions: where a `[@...]` may
// not be text, or text may be hidden from the search.
const NOT_PLAIN = /[`]|!\[|\]:/;
// A tab, or four spaces, at the start of a line or after the quote and list markers that open it
// (`>     code` is code inside a quote).
const INDENTED = /(?:^|\n)[ >*+\-\d.)]*?(?:\t| {4})/;
const BRACKET = /[[\]]/g;
// An inline link's target: a web address, a path on this site or an #anchor, with no brackets.
const PLAIN_LINK_TARGET = /\]\((?:https?:\/\/|\/(?!\/)|#)[^\s()[\]]*\)/y;

/**
 * True when every `[@...]` in `body` is a citation in text, as micromark would read it: no code, no
 * images, no definitions, every inline link points somewhere safe, and no citation is followed by
 * `(` or `[` (which would make it a link) or stands inside brackets (a link's text).
 */
function isPlainProse(body: string, raw: readonly CitationMatch[]): boolean {
  if (NOT_PLAIN.test(body) || INDENTED.test(body)) return false;
  let depth = 0;
  let next = 0;
  BRACKET.lastIndex = 0;
  for (let found = BRACKET.exec(body); found; found = BRACKET.exec(body)) {
    const index = found.index;
    if (next < raw.length && index === raw[next]!.start) {
      if (depth > 0 || body[raw[next]!.end] === '(' || body[raw[next]!.end] === '[') return false;
      BRACKET.lastIndex = raw[next++]!.end;
    } else if (found[0] === '[') depth++;
    else {
      if (body[index + 1] === '(') {
        PLAIN_LINK_TARGET.lastIndex = index;
        if (!PLAIN_LINK_TARGET.test(body)) return false;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  return true;
}

/** True when markdown-it reads the body as clean and finds exactly the citations the search found. */
function markdownItAgrees(body: string, raw: readonly CitationMatch[], known: ReadonlySet<string>): boolean {
  let tokens: Token[];
  const env: Env = {};
  try {
    tokens = markdown().parse(body, env);
  } catch {
    // A body nested deeper than the call stack allows: the exact check has its own limits.
    return false;
  }
  for (const reference of Object.values(env.references ?? {})) if (!safeTarget(String(reference.href))) return false;
  const written: string[] = [];
  for (const token of tokens) {
    if (token.type === 'html_block') return false;
    if (token.type === 'inline' && !inlineIsClean(token.children ?? [], known, written)) return false;
  }
  return written.length === raw.length && raw.every((match, index) => body.slice(match.start, match.end) === written[index]);
}

// CommonMark with GitHub's tables, as micromark with micromark-extension-gfm reads it. Links keep
// their targets as written (markdown-it would drop `javascript:` ones and percent-encode the rest),
// and nesting is not cut short (markdown-it stops reading below 20 levels by default). Loaded on
// first use: plain prose never needs it.
const require = createRequire(import.meta.url);
let markdownIt: MarkdownIt | undefined;
function markdown(): MarkdownIt {
  if (!markdownIt) {
    const create = require('markdown-it') as typeof import('markdown-it').default;
    markdownIt = create('commonmark', { maxNesting: Number.MAX_SAFE_INTEGER }).enable('table');
    markdownIt.validateLink = () => true;
    markdownIt.normalizeLink = (url: string) => url;
  }
  return markdownIt;
}

// HTML and autolinks (<), escapes (\), strikethrough (~, one is enough on GitHub), footnotes ([^),
// and the character markdown-it replaces.
const MAY_DIFFER = /[<\\~\0]|\[\^/;
const ENTITY = /&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
// GitHub turns web and e-mail addresses written as text into links ("autolink literals").
const AUTOLINK_LITERAL = /www\.|:\/\/|@|mailto:|xmpp:/i;
// The targets of inline links and of definitions, which GitHub does not make autolinks. Only when
// followed by white space (after punctuation that would end an autolink): if `](https://...)`
// turns out not to be a link, an autolink literal runs on up to the next space, swallowing
// whatever is written right after it.
const SAFE_DESTINATION = /\]\(https?:\/\/[^\s()[\]]*\)(?=[?!.,:*_~]*(?:\s|$))|^ {0,3}\[[^\]\n]+\]:[ \t]*https?:\/\/[^\s[\]]*[ \t]*$/gm;

/** `text` with every character but line breaks replaced by a space (so offsets stay where they were). */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** `text` with the citations replaced by spaces. */
function cut(text: string, citations: readonly { start: number; end: number }[]): string {
  let rest = '';
  let from = 0;
  for (const { start, end } of citations) {
    rest += `${text.slice(from, start)}${' '.repeat(end - start)}`;
    from = end;
  }
  return rest + text.slice(from);
}

/**
 * Walks one paragraph's (or heading's, or table cell's) inline tokens, collecting its citations as
 * written; false when something needs the exact check. Text runs are split where micromark's text
 * nodes are: at emphasis, code, links and hard breaks, not at soft line breaks.
 */
function inlineIsClean(children: readonly Token[], known: ReadonlySet<string>, written: string[]): boolean {
  let run = '';
  let inLink = 0;
  const flush = (): boolean => {
    const text = run;
    run = '';
    if (inLink > 0) return !text.includes('@');
    for (const match of findCitations(text)) {
      if (match.malformed.length > 0 || !match.ids.every((id) => known.has(id))) return false;
      written.push(text.slice(match.start, match.end));
    }
    return true;
  };
  for (const child of children) {
    if (child.type === 'text') run += child.content;
    else if (child.type === 'softbreak') run += '\n';
    else {
      if (!flush()) return false;
      if (child.type === 'html_inline') return false;
      if (child.type === 'image' && (child.content.includes('@') || !safeTarget(String(child.attrGet('src') ?? '')))) return false;
      if (child.type === 'link_open') {
        if (!safeTarget(String(child.attrGet('href') ?? ''))) return false;
        inLink++;
      }
      if (child.type === 'link_close') inLink--;
    }
  }
  return flush();
}
