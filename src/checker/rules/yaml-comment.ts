import { createRequire } from 'node:module';
import type { Position } from '../diagnostic.ts';
import { quoteYaml } from '../../reader/yaml-slips.ts';
import type { Rule } from './rule.ts';

/** Text lost to a ` #` in an unquoted value, positioned at its `#` (lines of the file). */
export interface LostText extends Position {
  rule: 'yaml-comment';
  severity: 'warning';
  message: string;
}

// A line with something before a ` #`: the only lines where a value can lose text to a comment.
const MAY_LOSE = /^[ \t]*[^#\s].*?[ \t]#/m;
// Values a comment after which is plainly meant as one: `draft: true  # for now`.
const NOT_TEXT = /^(?:true|false|null|~|[-+]?\d[\d_.:eE+-]*|\d{4}-\d\d-\d\d(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d\d:?\d\d)?)?)$/;
// Two spaces (or a tab) before the "#": a comment set apart on purpose, `status: confirmed  # checked twice`;
// quoting it into the value, as the warning would advise, would be wrong.
const SET_APART = /(?: {2}|\t)$/;

const require = createRequire(import.meta.url);

/**
 * In an unquoted value, ` #` starts a YAML comment, and the rest of the line silently disappears
 * from the page.
 *
 * Good: `title: "Water rationing, week #3 of the drought"`
 * Bad: `title: Water rationing, week #3 of the drought`: `Field "title" stops at "Water rationing, week": in YAML " #" starts a comment, so "#3 of the drought" is left out; ...`
 */
export const yamlComment: Rule = {
  id: 'yaml-comment',
  severity: 'warning',
  description: 'No unquoted value loses text to a " #", which YAML reads as a comment.',
  check({ frontmatter, readProblems }, report) {
    if (!frontmatter || readProblems.some((problem) => problem.rule === 'yaml-syntax')) return;
    for (const lost of findLostText(frontmatter.yaml, frontmatter.line)) report.at(lost, lost.message);
  },
};

/**
 * The text lost to comments: in an unquoted value, ` #` starts a YAML comment, and the rest of the
 * line silently disappears from the page.
 *
 * Bad: `title: Water rationing, week #3 of the drought` (publishes as "Water rationing, week").
 * Good: `title: "Water rationing, week #3 of the drought"`.
 *
 * `firstLine` is the file's line number of the frontmatter's first line.
 */
export function findLostText(source: string, firstLine: number): LostText[] {
  if (!MAY_LOSE.test(source)) return [];
  // The positioned YAML library is loaded only when a value may have lost text (see yaml.ts).
  const { CST, Lexer } = require('yaml') as typeof import('yaml');
  const found: LostText[] = [];
  let offset = 0;
  let lineStart = 0;
  let line = firstLine;
  let key = '';
  let inList = false;
  let afterMarker = false;
  /** The plain value last met on this line: its text and offset. */
  let value: { text: string; offset: number } | undefined;
  for (const token of new Lexer().lex(source)) {
    // The lexer's markers (document, scalar, flow end) are control characters that take no room in the source.
    if (token === '\u0002' || token === '\u001f' || token === '\u0018') {
      if (token === '\u001f') afterMarker = true;
      continue;
    }
    const type = CST.tokenType(token);
    if (afterMarker) {
      afterMarker = false;
      if (type === null) value = { text: token, offset };
    } else if (type === 'map-value-ind' && value) {
      key = value.text;
      inList = false;
      value = undefined;
    } else if (type === 'seq-item-ind') inList = true;
    else if (
      type === 'comment' &&
      value &&
      !NOT_TEXT.test(value.text) &&
      !value.text.includes('\n') &&
      !SET_APART.test(source.slice(value.offset, offset))
    ) {
      const lost = token.slice(1).trim();
      const whole = source.slice(value.offset, offset + token.length).trimEnd();
      const field = inList ? `An entry of "${key}"` : `Field "${key}"`;
      found.push({
        rule: 'yaml-comment',
        severity: 'warning',
        line,
        column: offset - lineStart + 1,
        message: `${field} stops at "${value.text}": in YAML " #" starts a comment, so "#${lost}" is left out; put the whole value in quotes: ${inList ? '- ' : `${key}: `}${quoteYaml(whole)}`,
      });
      value = undefined;
    } else if (type !== 'space' && type !== 'comment') value = undefined;
    offset += token.length;
    for (let at = token.indexOf('\n'); at >= 0; at = token.indexOf('\n', at + 1)) {
      line++;
      lineStart = offset - token.length + at + 1;
      value = undefined;
    }
  }
  return found;
}
