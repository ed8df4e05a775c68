import type { Link, LinkReference, Nodes, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visitParents } from 'unist-util-visit-parents';
import { findCitations, type CitationMatch } from './citations.ts';
import type { Position } from './diagnostic.ts';
import { didYouMean } from './suggest.ts';

/** A body problem, positioned in the body (line 1 is the body's first line). */
export interface BodyProblem extends Position {
  rule: string;
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

// Built once: the extensions are plain, read-only tables, and building them for every article cost
// about 5% of the parse.
const MARKDOWN_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Parses Markdown the way the site renders it (CommonMark with GitHub's extensions). */
export function parseMarkdown(body: string): Root {
  return fromMarkdown(body, MARKDOWN_OPTIONS);
}

const HTML_COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;
// Browsers ignore ASCII whitespace and control characters inside a URL's scheme: `java\tscript:`.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Why a link or image target is refused, or null for http(s), relative paths and #anchors. */
export function unsafeLinkReason(url: string): string | null {
  const squeezed = url.replace(IGNORED_IN_URL, '');
  const scheme = SCHEME.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return `uses the "${scheme}:" scheme`;
  if (squeezed.startsWith('//') || squeezed.startsWith('\\\\') || squeezed.startsWith('/\\')) {
    return 'is protocol-relative';
  }
  return null;
}

function offsetOf(citation: CitationMatch, node: Text, body: string): number {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const raw = body.slice(start, end);
  if (raw === node.value) return start + citation.start;
  const written = node.value.slice(citation.start, citation.end);
  const found = raw.indexOf(written);
  return found >= 0 ? start + found : start;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function positionOf(offset: number, starts: readonly number[]): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
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
      const reason = unsafeLinkReason(node.url);
      if (reason) {
        const what = node.type === 'image' ? 'Image source' : 'Link target';
        problems.push({
          ...at(node),
          rule: 'unsafe-link',
          message: `${what} ${JSON.stringify(node.url)} ${reason}; link only to https:// addresses, to pages of this site (/articles/...) or to #anchors.`,
        });
      }
    } else if (node.type === 'text') {
      for (const match of findCitations(node.value)) {
        const position = positionOf(offsetOf(match, node, body), starts);
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
