import { quoteYaml } from '../../reader/yaml-slips.ts';
import type { Rule } from './rule.ts';

// `key: “value”` or `- “value”`: a whole plain value between curly quotes, which YAML keeps as text.
const CURLY_VALUE = /^( *(?:- +)?)(?:([A-Za-z_][\w-]*): +)?([“”‘’„‚])(.*)([”’“‘])[ \t]*$/u;
// Fields whose values are a fixed list of words: the schema names the straight-quoted word there.
const LISTED = new Set(['status', 'kind']);

/**
 * A value is not wrapped in curly quotes (“…” or ‘…’, as word processors and chat apps type them):
 * YAML reads only straight quotes as quotes, so curly ones stay in the text and show on the page.
 * To show quotation marks on purpose, put the whole value in straight quotes: `title: '“Yes”'`.
 *
 * Good: `title: "Talks in Istanbul"`
 * Bad: `title: “Talks in Istanbul”`: `Field "title" is wrapped in curly quotes, which YAML keeps as part of the text, so they would show on the page; use straight quotes: title: "Talks in Istanbul"`
 */
export const curlyQuotedValue: Rule = {
  id: 'curly-quoted-value',
  severity: 'error',
  description: 'No value is wrapped in curly quotes, which would show on the page.',
  check({ frontmatter, readProblems }, report) {
    if (!frontmatter || readProblems.some((problem) => problem.rule === 'yaml-syntax')) return;
    if (!/[“”‘’„‚]/u.test(frontmatter.yaml)) return;
    frontmatter.yaml.split('\n').forEach((text, index) => {
      const match = CURLY_VALUE.exec(text);
      if (!match || (match[2] && LISTED.has(match[2]))) return;
      const [, lead, key, opening, inner] = match as unknown as [string, string, string | undefined, string, string];
      const subject = key ? `Field "${key}"` : 'This list entry';
      report.at(
        { line: frontmatter.line + index, column: text.indexOf(opening, lead.length) + 1 },
        `${subject} is wrapped in curly quotes, which YAML keeps as part of the text, so they would show on the page; use straight quotes: ${lead.trimStart()}${key ? `${key}: ` : ''}${quoteYaml(inner)}`,
      );
    });
  },
};
