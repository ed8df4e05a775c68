import type { Link, LinkReference, Nodes, Root, Text } from 'mdast';
import { createRequire } from 'node:module';
import { visitParents } from 'unist-util-visit-parents';
import { findBrokenCitations, findCitations, type TextSpan } from '../format/citations.ts';
import type { Position, Severity } from './diagnostic.ts';
import { bracketedIdMessage, findBracketedIds } from './rules/citation-without-at.ts';
import { linkTargetProblem } from './rules/link-target.ts';
import { didYouMean } from './suggest.ts';
import { lineStarts, positionOf } from './text-position.ts';

/** A body problem, positioned in the body (line 1 is the body's first line). */
export interface BodyProblem extends Position {
  rule: string;
  /** An error unless said otherwise. */
  severity?: Severity;
  message: string;
}

/** A citation as written in the body, with where it stands. */
export interface BodyCitation extends Position {
  ids: string[];
}

/** What the body says and cites. */
export interface BodyReport {
  problems: BodyProblem[];
  citations: BodyCitation[];
}

// micromark and its GitHub extensions take 40 ms to load, and most checks never need them (see
// body-scan.ts): they are loaded on first use. The extensions are built once: they are plain,
// read-only tables, and building them for every article cost about 5% of the parse.
const require = createRequire(import.meta.url);
let markdownParser: ((body: string) => Root) | undefined;

/** Parses Markdown the way the site renders it (CommonMark with GitHub's extensions). */
export function parseMarkdown(body: string): Root {
  if (!markdownParser) {
    const { fromMarkdown } = require('mdast-util-from-markdown') as typeof import('mdast-util-from-markdown');
    const { gfmFromMarkdown } = require('mdast-util-gfm') as typeof import('mdast-util-gfm');
    const { gfm } = require('micromark-extension-gfm') as typeof import('micromark-extension-gfm');
    const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
    markdownParser = (text) => fromMarkdown(text, options);
  }
  return markdownParser(body);
}

const HTML_COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;
// Browsers ignore ASCII whitespace and control characters inside a URL's scheme: `java\tscript:`.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Schemes a link may use: the web, and e-mail addresses and telephone numbers, which newsrooms give. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Why a link or image target is refused, or null for http(s), mailto:, tel:, relative paths and #anchors. */
export function unsafeLinkReason(url: string): string | null {
  const squeezed = url.replace(IGNORED_IN_URL, '');
  const scheme = SCHEME.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme && !SAFE_SCHEMES.has(scheme)) return `uses the "${scheme}:" scheme`;
  if (squeezed.startsWith('//') || squeezed.startsWith('\\\\') || squeezed.startsWith('/\\')) {
    return 'is protocol-relative';
  }
  return null;
}

/**
 * Offsets in the body of the citations (or other spans, in the order written) found in a text
 * node's value. The value is the raw text unless the node spans lines inside a quote or list, or
 * with indented lines; then each citation is looked for in the raw text after the previous
 * citation (`after`). Text that GitHub's autolinks split off has no position of its own: it is
 * looked for within its nearest positioned ancestor. A citation written over several lines, which
 * cannot be found as written, is placed at the start.
 */
function offsetsOf(matches: readonly TextSpan[], node: Text, ancestors: readonly Nodes[], body: string, after: number): number[] {
  const holder = node.position ? node : ancestors.findLast((ancestor) => ancestor.position);
  const start = holder?.position?.start.offset ?? 0;
  const end = holder?.position?.end.offset ?? body.length;
  if (node.position && body.slice(start, end) === node.value) return matches.map((match) => start + match.start);
  let from = Math.max(start, after);
  return matches.map((match) => {
    const written = node.value.slice(match.start, match.end);
    const found = body.indexOf(written, from);
    if (found < 0 || found + written.length > end) return start;
    from = found + written.length;
    return found;
  });
}

/**
 * Checks a Markdown body against the ids the article defines: every citation must name a known
 * source or claim; raw HTML and non-http(s) link targets are refused; an empty body is refused.
 */
export function checkBody(
  body: string,
  ids: readonly string[],
  tree: Root = parseMarkdown(body),
  /** Line of the file on which the body starts, for line numbers written inside messages. */
  firstLine = 1,
): BodyReport {
  const known = new Set(ids);
  const knownIds = [...known];
  const starts = lineStarts(body);
  const problems: BodyProblem[] = [];
  const citations: BodyCitation[] = [];
  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

  if (body.trim() === '' || tree.children.every((node) => node.type === 'html' && HTML_COMMENT.test(node.value.trim()))) {
    problems.push({
      line: 1,
      column: 1,
      rule: 'empty-body',
      message: 'The article has no text after the frontmatter; write the explainer below the closing "---".',
    });
  }

  const definitionLines = new Map<string, number>();
  visitParents(tree, 'definition', (node) =>
    void definitionLines.set(node.identifier, (node.position?.start.line ?? 1) + firstLine - 1),
  );
  // `[@id](url)` and `[@id]` with a definition `[@id]: url` parse as links, which would hide the citation.
  const citationWrittenAsLink = (node: Link | LinkReference): string | undefined => {
    const [first] = node.children;
    if (node.children.length !== 1 || first?.type !== 'text' || !/^@[^[\]\n]*$/.test(first.value)) return undefined;
    return `[${first.value}]`;
  };

  // Where the last citation found starts: citations are visited in the order they are written.
  let after = 0;
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'link' || node.type === 'linkReference') {
      const written = citationWrittenAsLink(node);
      if (written) {
        const fix =
          node.type === 'link'
            ? 'remove the "(...)" after it'
            : `remove the link definition "${written}: ..." on line ${definitionLines.get(node.identifier) ?? '?'}`;
        problems.push({
          ...at(node),
          rule: 'citation-in-link',
          message: `Citation ${written} is written as a link, so it would show as plain text with no attribution; ${fix}.`,
        });
      }
    }
    if (node.type === 'html') {
      if (!HTML_COMMENT.test(node.value.trim())) {
        const tag = /^<(\/?[a-z][a-z0-9-]*)/i.exec(node.value)?.[1];
        problems.push({
          ...at(node),
          rule: 'raw-html',
          message: `Raw HTML${tag ? ` (<${tag.toLowerCase()}>)` : ''} is not allowed in an article; write Markdown instead (**bold**, _italic_, [text](https://example.org), > quote).`,
        });
      }
    }
    if (node.type === 'image' && findCitations(node.alt ?? '').length > 0) {
      problems.push({
        ...at(node),
        rule: 'citation-in-link',
        message: 'A citation inside an image description is not shown as an attribution; put it in the text after the image.',
      });
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      // A citation written right after a bare web address becomes part of it: GitHub's autolinks
      // run on to the next space.
      const swallowed = /\[@[^\s[\]]*/.exec(node.url)?.[0];
      if (swallowed) {
        problems.push({
          ...at(node),
          rule: 'citation-in-link',
          message: `The link target ${JSON.stringify(node.url)} swallows the citation ${swallowed}]; put a space between the web address and the citation.`,
        });
      }
      const reason = unsafeLinkReason(node.url);
      const what = node.type === 'image' ? 'Image source' : 'Link target';
      if (reason) {
        problems.push({
          ...at(node),
          rule: 'unsafe-link',
          message: `${what} ${JSON.stringify(node.url)} ${reason}; link only to https:// addresses, to pages of this site (/articles/...) or to #anchors.`,
        });
      } else if (!swallowed) {
        const problem = linkTargetProblem(node.url);
        if (problem) problems.push({ ...at(node), rule: 'link-target', message: `${what} ${JSON.stringify(node.url)} ${problem}.` });
      }
    } else if (node.type === 'text') {
      const matches = findCitations(node.value);
      // A link target that swallowed a citation is reported above, once.
      const swallowed = ancestors.some((ancestor) => ancestor.type === 'link' && ancestor.url.includes('[@'));
      const broken = swallowed ? [] : findBrokenCitations(node.value, matches);
      // Both kinds are looked for in the raw text in the order they are written.
      const spans: TextSpan[] = broken.length === 0 ? matches : [...matches, ...broken].sort((a, b) => a.start - b.start);
      const found = offsetsOf(spans, node, ancestors, body, after);
      if (found.length > 0) after = found.at(-1)! + 1;
      const offsetOf = new Map(spans.map((span, index) => [span, found[index]!]));
      if (!ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference')) {
        const bracketed = findBracketedIds(node.value, known);
        offsetsOf(bracketed, node, ancestors, body, after).forEach((offset, index) => {
          problems.push({ ...positionOf(offset, starts), rule: 'citation-without-at', severity: 'warning', message: bracketedIdMessage(bracketed[index]!.id) });
        });
      }
      for (const span of broken) {
        const written = node.value.slice(span.start, span.end);
        problems.push({
          ...positionOf(offsetOf.get(span)!, starts),
          rule: 'broken-citation',
          message: `Citation "${written}" is not closed or is broken by formatting; write [@id] or [@id1; @id2], closed with "]" and with no brackets or formatting (*, _, \`) inside.`,
        });
      }
      for (const match of matches) {
        const position = positionOf(offsetOf.get(match)!, starts);
        const written = node.value.slice(match.start, match.end).replace(/\s*\n\s*/g, ' ');
        if (match.malformed.length > 0) {
          problems.push({
            ...position,
            rule: 'malformed-citation',
            message: `Citation ${written} is malformed at "${match.malformed[0]}"; write [@id] or [@id1; @id2] with kebab-case ids.`,
          });
          continue;
        }
        if (ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference')) {
          problems.push({
            ...position,
            rule: 'citation-in-link',
            message: `Citation ${written} is inside a link; move it after the link's closing parenthesis.`,
          });
          continue;
        }
        for (const id of match.ids) {
          if (!known.has(id)) {
            const suggestion = didYouMean(id, knownIds);
            problems.push({
              ...position,
              rule: 'unknown-citation',
              message:
                knownIds.length === 0
                  ? `Citation [@${id}] matches no source or claim; the article has no valid sources or claims yet.`
                  : `Citation [@${id}] matches no source or claim${suggestion ? `${suggestion} ` : '. '}Known ids: ${knownIds.join(', ')}.`,
            });
          }
        }
        citations.push({ ...position, ids: match.ids });
      }
    }
  });
  return { problems, citations };
}
