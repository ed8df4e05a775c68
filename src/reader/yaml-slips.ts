import { ENTRY_NAMES } from '../format/field-path.ts';
import type { Position } from './position.ts';

/** A syntax error of the YAML parser: its code, and where it stands in the frontmatter (lines from 1). */
export interface YamlError extends Position {
  code: string;
}

/** What an editor did, and what to type instead, at the line where it was done. */
export interface YamlSlip extends Position {
  message: string;
}

interface Line {
  /** Spaces before the first character. */
  indent: number;
  /** `- ` and the spaces after it, when the line starts a list entry. */
  dash: string;
  /** The field name, when the line is `name: value` (after any dash). */
  key?: string | undefined;
  /** Column (0-based) of the key or of the value after the dash. */
  keyColumn: number;
  /** What follows `key:`, trimmed. */
  value: string;
  /** Column (0-based) where the value starts. */
  valueColumn: number;
}

const CONTENT = /^( *)((?:- +)?)(?:([A-Za-z_][\w-]*):(?=\s|$)[ \t]*)?(.*)$/;

function read(text: string | undefined): Line | undefined {
  if (text === undefined || /^\s*(#|$)/.test(text)) return undefined;
  const match = CONTENT.exec(text)!;
  const indent = match[1]!.length;
  const dash = match[2]!;
  const keyColumn = indent + dash.length;
  const value = match[4]!.trimEnd();
  return { indent, dash, key: match[3], keyColumn, value, valueColumn: text.length - match[4]!.length };
}

const plural = (count: number) => `${count} ${count === 1 ? 'space' : 'spaces'}`;

/** The value in YAML quotes: double quotes unless it holds one (or a backslash), else single quotes. */
export function quoteYaml(value: string): string {
  return /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

/**
 * Plain-language messages for the commonest slips behind the YAML parser's errors: a value with
 * ": " in it, a value that starts with a quote and goes on after it, a field indented a space too
 * far or not far enough, a list entry written without its "- ". Each slip is reported once, at the
 * line where it was made, and replaces every parser error (they all follow from it); undefined when
 * no error is one of these slips. `firstLine` is the file's line number of the frontmatter's first line.
 */
export function explainYamlSlips(
  source: string,
  errors: readonly YamlError[],
  firstLine: number,
): YamlSlip[] | undefined {
  const lines = source.split('\n');
  // Slips seen in the text itself come first: the parser often reports them a line later, or in words
  // of its own that lead an editor astray.
  const typed = findTypingSlips(lines, errors, firstLine);
  if (typed.length > 0) return typed;
  const slips = new Map<string, YamlSlip>();
  /** Lines found to be a slip: the parser's errors about them follow from it. */
  const slipped = new Set<number>();
  const add = (index: number, column: number, message: string) => {
    slipped.add(index);
    slips.set(`${index}:${column}`, { line: index + firstLine, column: column + 1, message });
  };
  /** The index of the closest line above `index` with content. */
  const above = (index: number) => {
    for (let at = index - 1; at >= 0; at--) if (read(lines[at])) return at;
    return -1;
  };
  const below = (index: number) => {
    for (let at = index + 1; at < lines.length; at++) if (read(lines[at])) return at;
    return -1;
  };
  const lineRef = (index: number, from: number) =>
    index === from - 1 ? 'the line above' : `line ${index + firstLine}`;

  for (const error of errors) {
    const index = error.line - 1;
    const line = read(lines[index]);
    if (!line || slipped.has(index)) continue;
    const startsQuoted = /^["']/.test(line.value);
    if (
      (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') &&
      line.key &&
      !/^["'[{|>]/.test(line.value) &&
      line.value.includes(': ')
    ) {
      add(
        index,
        line.valueColumn,
        `The value of "${line.key}" contains ": ", which YAML takes for the start of another field; put the whole value in quotes: ${line.key}: ${quoteYaml(line.value)}`,
      );
      continue;
    }
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
      // `key: value` then a field indented further: YAML reads that field as more of the value.
      const next = below(index);
      const nextLine = read(lines[next]);
      if (nextLine?.key && !nextLine.dash && nextLine.indent > line.keyColumn) {
        add(
          next,
          nextLine.indent,
          `"${nextLine.key}:" is indented ${plural(nextLine.indent - line.keyColumn)} more than "${line.key ?? line.value}${line.key ? ':' : ''}" on ${lineRef(index, next)}; remove ${nextLine.indent - line.keyColumn === 1 ? 'it' : 'them'}, so that the two line up.`,
        );
        continue;
      }
    }
    if (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') {
      // A field indented less than the one above it, but not back to any enclosing level.
      const previous = above(index);
      const previousLine = read(lines[previous]);
      if (
        line.key &&
        !line.dash &&
        previousLine?.key &&
        !previousLine.value.endsWith(':') &&
        line.indent < previousLine.keyColumn &&
        previousLine.keyColumn - line.indent <= 2
      ) {
        const missing = previousLine.keyColumn - line.indent;
        add(
          index,
          line.indent,
          `"${line.key}:" is indented ${plural(missing)} less than "${previousLine.key}:" on ${lineRef(previous, index)}; add ${missing === 1 ? 'one' : 'them'}, so that the two line up.`,
        );
        continue;
      }
    }
    if (error.code === 'UNEXPECTED_TOKEN' && line.key && startsQuoted) {
      const quote = line.value[0]!;
      const closing = line.value.indexOf(quote, 1);
      const inner = line.value.slice(1, -1);
      if (quote === "'" && line.value.length > 2 && line.value.endsWith("'") && /\p{L}'\p{L}/u.test(inner)) {
        // 'Putin's offer': the apostrophe ends the single-quoted text; the quotes around it were meant as YAML's.
        add(
          index,
          line.valueColumn,
          `The value of "${line.key}" is in single quotes and has an apostrophe inside, which ends the quoted text early; put it in double quotes instead: ${line.key}: ${quoteYaml(inner)}`,
        );
        continue;
      }
      if (
        closing > 0 &&
        line.value.slice(closing + 1).trim() !== '' &&
        !line.value
          .slice(closing + 1)
          .trim()
          .startsWith('#')
      ) {
        add(
          index,
          line.valueColumn,
          `The value of "${line.key}" starts with a quote, so YAML takes the quoted part for the whole value and cannot read the rest; put the whole value in quotes of the other kind: ${line.key}: ${quoteYaml(line.value)}`,
        );
        continue;
      }
    }
    if (error.code === 'DUPLICATE_KEY' && line.key && !line.dash) {
      // A list entry written without its "- ": its fields land in the entry above, as repeats.
      let entry = -1;
      for (let at = index - 1; at >= 0; at--) {
        const candidate = read(lines[at]);
        if (!candidate) continue;
        if (candidate.indent < line.indent - (candidate.dash ? candidate.dash.length : 0)) break;
        if (candidate.dash && candidate.keyColumn === line.indent) {
          entry = at;
          break;
        }
      }
      const entryLine = read(lines[entry]);
      if (entryLine && entryLine.key === line.key) {
        let parent: string | undefined;
        let count = 0;
        for (let at = entry; at >= 0; at--) {
          const candidate = read(lines[at]);
          if (!candidate) continue;
          if (candidate.indent < entryLine.indent || (candidate.indent === entryLine.indent && !candidate.dash)) {
            parent = candidate.key;
            break;
          }
          if (candidate.dash && candidate.indent === entryLine.indent) count++;
        }
        const name = (parent && ENTRY_NAMES[parent]) ?? 'entry';
        const capitalized = name.charAt(0).toUpperCase() + name.slice(1);
        const fixed = `${' '.repeat(entryLine.indent)}${entryLine.dash}${lines[index]!.trim()}`;
        add(
          index,
          line.indent,
          `${capitalized} ${count + 1} has no "- " in front of "${line.key}:", so YAML reads its fields as repeats of ${name} ${count}'s; start it with "- ", as in "${fixed}".`,
        );
        continue;
      }
    }
  }
  return slips.size > 0 ? [...slips.values()] : undefined;
}

// A line indented with a tab (somewhere in its leading whitespace).
const TABBED = /^( *)\t[ \t]*(\S.*)?$/;
// A list item started with "* " (or "+ "), as in Markdown, instead of "- ".
const STAR_ITEM = /^( *)([*+]) +(\S.*)$/;
// `key:value`, with no space after the colon (`url:https://…` too; an address `https://…` alone is no slip).
const NO_SPACE = /^( *(?:- +)?)([A-Za-z_][\w-]*):(?!\/\/)([^\s].*)$/;
// `key: []` (an empty list), which a list written below it contradicts.
const EMPTY_LIST = /^( *)((?:- +)?)([A-Za-z_][\w-]*): *\[ *\] *(?:#.*)?$/;

/**
 * Slips that can be seen in a line of the text once the parser has failed: a tab in the indentation,
 * a list item started with "* ", `key:value` without a space, `key: []` with the list's items
 * written below it. Each is reported at its own line, saying what to type.
 */
function findTypingSlips(lines: readonly string[], errors: readonly YamlError[], firstLine: number): YamlSlip[] {
  if (errors.length === 0) return [];
  const errorLines = new Set(errors.map((error) => error.line - 1));
  const slips: YamlSlip[] = [];
  lines.forEach((text, index) => {
    const at = (column: number, message: string) =>
      slips.push({ line: index + firstLine, column: column + 1, message });
    const tabbed = TABBED.exec(text);
    if (tabbed) {
      at(
        tabbed[1]!.length,
        'This line is indented with a tab, and YAML counts only spaces; replace the tab with spaces, so that the line starts where the lines of its level do.',
      );
      return;
    }
    const star = STAR_ITEM.exec(text);
    if (star) {
      at(star[1]!.length, `Start a list item with "- ", not "${star[2]} ": write "${star[1]}- ${star[3]}".`);
      return;
    }
    const noSpace = NO_SPACE.exec(text);
    if (noSpace && (errorLines.has(index) || errorLines.has(index + 1))) {
      at(
        noSpace[1]!.length + noSpace[2]!.length + 1,
        `Add a space after the colon of "${noSpace[2]}:": write "${noSpace[1]}${noSpace[2]}: ${noSpace[3]}".`,
      );
      return;
    }
    const empty = EMPTY_LIST.exec(text);
    if (empty) {
      const next = lines.slice(index + 1).find((line) => read(line));
      const nextLine = read(next);
      const column = empty[1]!.length + empty[2]!.length;
      if (nextLine && (nextLine.indent > column || (nextLine.dash && nextLine.indent >= column))) {
        at(
          text.indexOf('['),
          `"${empty[3]}:" is followed by [], which is an empty list, and by the items of a list on the lines below; remove [] — the items below make the list: write "${text.slice(0, text.indexOf(':') + 1)}".`,
        );
      }
    }
  });
  return slips;
}
