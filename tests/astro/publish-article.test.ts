import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticlePool } from '../../src/astro/article-pool.ts';
import { readStored } from '../../src/astro/article-store.ts';
import { publishArticle, type ArticleTask } from '../../src/astro/render-article.ts';
import { checkArticleFile } from '../../src/checker/check-file.ts';
import { processorOptions } from '../../src/markdown/pipeline.ts';
import { PARSED_TREE } from '../../src/markdown/remark-parsed-tree.ts';
import { ROOT } from '../helpers/site.ts';

const DIR = join(ROOT, 'content/articles');
const FIRST = 'zelensky-invites-putin-to-turkiye.md';
const OPTIONS = { syntaxHighlight: false as const };

/** A task for the first explainer, read afresh, stored in a folder of its own. */
function task(withCheck: boolean): ArticleTask {
  const file = { path: FIRST, full: join(DIR, FIRST), file: `content/articles/${FIRST}`, text: readFileSync(join(DIR, FIRST), 'utf8'), lockText: '' };
  const common = { digest: 'first', storeDir: mkdtempSync(join(tmpdir(), 'sourced-publish-')), dir: DIR, root: ROOT };
  return withCheck ? { file, ...common } : { checked: checkArticleFile(file), ...common };
}

describe('publishing an article', () => {
  const pool = new ArticlePool(OPTIONS, { threads: 1 });
  afterAll(() => pool.close());

  it('renders the tree the checker parsed exactly as the text parsed again, on this thread and on a worker', async () => {
    const fromTree = await publishArticle(task(true), OPTIONS);
    const fromText = await publishArticle(task(false), OPTIONS);
    const onWorker = await pool.publish(task(true));
    expect(fromTree.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [a, b, c] = [fromTree, fromText, onWorker].map((result) => readStored(result.summary!.stored));
    expect(a!.html).toContain('<span class="attribution">');
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect({ ...onWorker.summary, stored: '' }).toEqual({ ...fromTree.summary, stored: '' });
  });

  it('renders a tree it is given instead of parsing the text, and parses the text otherwise', async () => {
    const renderer = await unified(processorOptions).createRenderer(OPTIONS);
    const url = pathToFileURL(join(DIR, 'given.md'));
    const given = { sources: [], claims: [], [PARSED_TREE]: fromMarkdown('From the tree.') };
    expect((await renderer.render('From the text.', { frontmatter: given, fileURL: url })).code).toBe('<p>From the tree.</p>');
    expect(PARSED_TREE in given).toBe(false);
    expect((await renderer.render('From the text.', { frontmatter: { sources: [], claims: [] }, fileURL: url })).code).toBe('<p>From the text.</p>');
  });

  it('reports a render failure instead of storing a page', async () => {
    const throwing = unified({ ...processorOptions, remarkPlugins: [...processorOptions.remarkPlugins, () => () => { throw new Error('plugin exploded on purpose'); }] });
    const result = await publishArticle(task(true), OPTIONS, throwing);
    expect(result.summary).toBeUndefined();
    expect(result.renderError).toBe('plugin exploded on purpose');
  });
});
