import jsYaml from 'js-yaml';
import { createRequire } from 'node:module';
import type { ErrorCode, Node } from 'yaml';
import type { Position } from './position.ts';
import { explainYamlSlips } from './yaml-slips.ts';

/** A path into the frontmatter, as zod reports it: keys and list indexes. */
export type FieldPath = readonly PropertyKey[];

/** Parsed frontmatter that can say where each field stands in the file. */
export interface ParsedYaml {
  /** The plain data, or undefined when the YAML is broken. */
  data: unknown;
  /** Syntax problems, positioned in the file. */
  errors: (Position & { message: string })[];
  /** Where the field at `path` is written: its key, or its list item; the nearest ancestor when it is absent. */
  locate(path: FieldPath): Position;
}

// Anchors and aliases: js-yaml does not limit how far aliases expand, so such files take the slow path.
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{:-])[&*][^\s,[\]{}]/m;

/**
 * Parses YAML 1.2 (core schema: dates stay strings, so `2025-02-30` can be refused rather than
 * rolled over to March), keeping node positions so errors can name the line and column.
 *
 * Positions cost most of the time, and a valid file never needs them. So a file is first read with
 * js-yaml (about nine times faster, same YAML 1.2 core schema); the `yaml` parser with positions
 * runs only when js-yaml fails or when something asks where a field is. Both give the same data
 * for every file js-yaml accepts.
 */
export function parseYaml(source: string, firstLine: number): ParsedYaml {
  if (!((source.includes('&') || source.includes('*')) && ANCHOR_OR_ALIAS.test(source))) {
    let data: unknown;
    try {
      data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
    } catch {
      return parseYamlWithPositions(source, firstLine);
    }
    let positioned: ParsedYaml | undefined;
    return {
      data,
      errors: [],
      locate: (path) => (positioned ??= parseYamlWithPositions(source, firstLine)).locate(path),
    };
  }
  return parseYamlWithPositions(source, firstLine);
}

// The positioned parser is loaded on first use: most runs never need it, and it takes 15 ms to load.
const require = createRequire(import.meta.url);

function parseYamlWithPositions(source: string, firstLine: number): ParsedYaml {
  const { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } =
    require('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const parserErrors = [...document.errors, ...document.warnings];
  // The commonest slips get a message of their own, once, instead of the parser's (see yaml-slips.ts).
  const slips =
    parserErrors.length > 0
      ? explainYamlSlips(
          source,
          parserErrors.map((error) => ({
            ...lineCounter.linePos(error.pos[0]),
            column: lineCounter.linePos(error.pos[0]).col,
            code: error.code,
          })),
          firstLine,
        )
      : undefined;
  const errors =
    slips ??
    parserErrors.map((error) => {
      const message = error.message.split('\n')[0] ?? error.message;
      if (error.code === 'DUPLICATE_KEY') {
        const key = /^\s*(?:-\s+)?([^:]+):/.exec(source.slice(error.pos[0]).split('\n')[0] ?? '')?.[1] ?? '';
        return {
          ...toPosition(error.pos[0]),
          message: `Field "${key}" is written twice in the same place; keep one of the two lines.`,
        };
      }
      // An unclosed quote or bracket is reported where the parser gave up; point at where it opens.
      const opening =
        error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' ? unclosedAt(error.pos[0]) : undefined;
      if (opening) {
        return {
          ...toPosition(opening.offset),
          message: `The ${opening.what} that starts here is never closed; add ${opening.closer} at the end of the value${opening.what === 'quote' ? '' : ', or write the items one per line, each after "- "'}.`,
        };
      }
      return { ...toPosition(error.pos[0]), message: describeYamlError(error.code, message) };
    });

  /** The quoted text or flow collection that runs unclosed up to `offset`, if any. */
  function unclosedAt(offset: number): { offset: number; what: string; closer: string } | undefined {
    let found: { offset: number; what: string; closer: string } | undefined;
    visit(document, {
      Node(_, node) {
        const range = (node as Node).range;
        if (!range || range[0] >= offset || range[1] < offset) return;
        if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
          const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
          found = { offset: range[0], what: 'quote', closer: `the closing ${quote}` };
        } else if (isCollection(node) && node.flow) {
          found = isSeq(node)
            ? { offset: range[0], what: 'bracket [', closer: ']' }
            : { offset: range[0], what: 'brace {', closer: '}' };
        }
      },
    });
    return found;
  }
  const start: Position = { line: Math.max(1, firstLine - 1), column: 1 };

  function locate(path: FieldPath): Position {
    let node: unknown = document.contents;
    let found: Position = node && (node as Node).range ? toPosition((node as Node).range![0]) : start;
    if (path.length === 0) return start;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (!pair) return found;
        const keyNode = pair.key as Node;
        if (keyNode.range) found = toPosition(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) return found;
        if (item.range) found = toPosition(item.range[0]);
        node = item;
      } else {
        return found;
      }
    }
    return found;
  }

  let data: unknown;
  if (document.errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 50 });
    } catch {
      // The only failure left once parsing succeeded: aliases that expand without limit ("billion laughs").
      let alias: Node | undefined;
      visit(document, { Alias: (_, node) => void (alias ??= node) });
      errors.push({
        ...toPosition(alias?.range?.[0] ?? 0),
        message:
          'The frontmatter repeats a value marked with & (as *name) so many times that it cannot be read; write each value out in full instead of marking it with & and repeating it with *.',
      });
    }
  }
  return { data, errors, locate };
}

const YAML_HINTS: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened before this point',
  BAD_INDENT: 'line the field up with the others at its level',
  BLOCK_AS_IMPLICIT_KEY: 'a value that contains ": " must be put in quotes',
  MULTILINE_IMPLICIT_KEY: 'a value that contains ": " or runs over several lines must be put in quotes',
  UNEXPECTED_TOKEN: 'put text that starts with a special character (such as @, `, [ or {) in quotes',
};

const trimYamlMessage = (message: string) => message.replace(/\s*at line \d+, column \d+:?$/, '').replace(/\.$/, '');

/** The YAML parser's message, plus what an editor should do about it. */
function describeYamlError(code: ErrorCode, message: string): string {
  const hint = YAML_HINTS[code];
  const text = trimYamlMessage(message);
  return hint ? `${text}; ${hint}.` : `${text}.`;
}
