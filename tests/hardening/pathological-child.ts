/**
 * Runs one pathological case (by name) through the checker and the site's Markdown renderer and
 * prints the result as JSON: the test runs this in a child process with a time limit.
 */
import { checkArticle } from '../../src/checker/check-article.ts';
import { formatText } from '../../src/checker/diagnostic.ts';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { renderBody } from '../../src/markdown/pipeline.ts';
import { articleWith, PATHOLOGICAL } from './pathological-inputs.ts';

const name = process.argv[2] ?? '';
const entry = PATHOLOGICAL[name];
if (!entry) throw new Error(`No pathological case "${name}"`);

const checked = checkArticle('input.md', articleWith(entry.body));
const rendered = await renderBody(checked.tree ?? parseBody(checked.body), { sources: checked.article?.sources ?? [], claims: checked.article?.claims ?? [] });
const count = (needle: string) => rendered.html.split(needle).length - 1;
process.stdout.write(
  JSON.stringify({
    diagnostics: checked.diagnostics.map(formatText),
    counts: Object.fromEntries(Object.keys(entry.counts).map((needle) => [needle, count(needle)])),
  }),
);
