import type { Position } from './position.ts';

/** A file split into its YAML frontmatter and its Markdown body. */
export interface SplitFile {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** Line of the file on which the YAML starts (1-based). */
  yamlLine: number;
  /** The Markdown after the closing `---`. */
  body: string;
  /** Line of the file on which the body starts (1-based). */
  bodyLine: number;
}

/** Why a file could not be split, with where to look. */
export interface SplitProblem extends Position {
  rule: string;
  message: string;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/** Splits a Markdown file into frontmatter and body, or says why it cannot. */
export function splitFrontmatter(text: string): SplitFile | SplitProblem {
  if (text.startsWith('\uFEFF')) {
    return {
      line: 1,
      column: 1,
      rule: 'encoding',
      message: 'The file starts with a byte-order mark (BOM); save it as UTF-8 without BOM.',
    };
  }
  const opening = OPENING.exec(text);
  if (!opening) {
    return {
      line: 1,
      column: 1,
      rule: 'frontmatter',
      message: 'The file does not start with frontmatter; put "---" on the first line, the YAML fields, then "---".',
    };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return {
      line: 1,
      column: 1,
      rule: 'frontmatter',
      message: 'The frontmatter has no closing "---"; add a line with only "---" after the last YAML field.',
    };
  }
  const yaml = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  const yamlLines = yaml.split('\n').length - (yaml.endsWith('\n') || yaml === '' ? 1 : 0);
  return { yaml, yamlLine: 2, body: afterClosing, bodyLine: 2 + yamlLines + 1 };
}
