import { describeSubject } from '../../format/field-path.ts';
import { list, type Loose } from '../../format/loose.ts';
import type { FieldPath } from '../../reader/yaml.ts';
import type { Rule } from './rule.ts';

/**
 * The frontmatter fields that pages print as plain text, exactly as written: no citation and no
 * Markdown is rendered in them. `conclusion` and a claim's `wording` are plain text too.
 */
export function plainTextFields(fields: Loose): FieldPath[] {
  const paths: FieldPath[] = [['title'], ['description'], ['conclusion']];
  list(fields['sources']).forEach((_, index) => paths.push(['sources', index, 'title']));
  list(fields['claims']).forEach((_, index) =>
    paths.push(['claims', index, 'statement'], ['claims', index, 'note'], ['claims', index, 'wording']),
  );
  list(fields['timeline']).forEach((_, index) => paths.push(['timeline', index, 'text']));
  return paths;
}

// What would be printed as typed: a citation, then the Markdown an editor is likeliest to write.
const SYNTAX: readonly [RegExp, string][] = [
  [/\[-?@[^\]\n]*\]?/, 'a citation'],
  [/!?\[[^\]\n]+\]\([^)\s]*\)/, 'a Markdown link'],
  [/\*\*[^*\n]+\*\*|__[^_\n]+__/, 'Markdown bold'],
  [
    /(?<![\p{L}\p{N}*])\*(?=[^\s*])[^*\n]*[^\s*]\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?=[^\s_])[^_\n]*[^\s_]_(?![\p{L}\p{N}_])/u,
    'Markdown italics',
  ],
  [/`[^`\n]+`/, 'Markdown code'],
  [/~~[^~\n]+~~/, 'Markdown strikethrough'],
  [/^(?:#{1,6} |> )/, 'a Markdown heading or quote mark'],
];

const valueAt = (fields: Loose, path: FieldPath): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    fields,
  );

/**
 * A field printed as plain text (the title, the description, a source's title, a claim's statement
 * and note, a timeline event's text) holds no citation and no Markdown: the page would show
 * `[@bbc-talks]` or `**bold**` exactly as typed. Citations and Markdown belong in the text below the
 * frontmatter.
 *
 * Good: `description: What was agreed in Istanbul, and what was not.`
 * Bad: `description: What was agreed in Istanbul. [@bbc-talks]`: `Field "description" is printed on the page as plain text, so the citation "[@bbc-talks]" would show as typed; citations and Markdown work only in the text below the frontmatter (after the second ---): remove it from this field.`
 */
export const plainTextField: Rule = {
  id: 'plain-text-field',
  severity: 'error',
  description: 'A field printed as plain text holds no citation and no Markdown.',
  check({ fields }, report) {
    if (!fields) return;
    for (const path of plainTextFields(fields)) {
      const value = valueAt(fields, path);
      if (typeof value !== 'string') continue;
      for (const [pattern, what] of SYNTAX) {
        const found = pattern.exec(value);
        if (!found) continue;
        report.field(
          path,
          `${describeSubject(path, fields)} is printed on the page as plain text, so ${what} ("${found[0].trim()}") would show as typed; citations and Markdown work only in the text below the frontmatter (after the second ---): remove it from this field.`,
        );
        break;
      }
    }
  },
};
