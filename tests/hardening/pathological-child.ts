/**
 * Runs pathological cases (by name, or every one) through the checker and the site's Markdown
 * renderer, one after another in this one process, and prints one line of JSON per case as soon as
 * it is done: its name, its CPU time (user and system, in ms), its diagnostics and the counts of its needles. The test runs this
 * in a child process with a time limit; a case that never ends leaves the lines of those before it.
 */
import { checkArticle } from '../../src/checker/check-article.ts';
import { formatText } from '../../src/checker/diagnostic.ts';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { renderBody } from '../../src/markdown/pipeline.ts';
import { articleWith, PATHOLOGICAL } from './pathological-inputs.ts';

const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(PATHOLOGICAL);
for (const name of names) {
  const entry = PATHOLOGICAL[name];
  if (!entry) throw new Error(`No pathological case "${name}"`);
  const started = process.cpuUsage();
  const checked = checkArticle('input.md', articleWith(entry.body));
  const rendered = await renderBody(checked.tree ?? parseBody(checked.body), {
    sources: checked.article?.sources ?? [],
    claims: checked.article?.claims ?? [],
  });
  const used = process.cpuUsage(started);
  const ms = Math.round((used.user + used.system) / 1000);
  const count = (needle: string) => rendered.html.split(needle).length - 1;
  process.stdout.write(
    `${JSON.stringify({
      name,
      ms,
      diagnostics: checked.diagnostics.map(formatText),
      counts: Object.fromEntries(Object.keys(entry.counts).map((needle) => [needle, count(needle)])),
    })}\n`,
  );
}
