import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticlePool } from '../../src/astro/article-pool.ts';
import { readStored, storedFile } from '../../src/astro/article-store.ts';
import { publishArticle, type ArticleTask } from '../../src/astro/render-article.ts';
import { checkArticleFile } from '../../src/checker/check-file.ts';
import { bodyRenderer, processorOptions } from '../../src/markdown/pipeline.ts';
import { ROOT } from '../helpers/site.ts';

const DIR = join(ROOT, 'content/articles');
const FIRST = 'zelensky-invites-putin-to-turkiye.md';

/** A task for the first explainer, read afresh, stored in a folder of its own. */
function task(withCheck: boolean): ArticleTask {
  const file = {
    path: FIRST,
    full: join(DIR, FIRST),
    file: `content/articles/${FIRST}`,
    text: readFileSync(join(DIR, FIRST), 'utf8'),
    lockText: '',
  };
  const common = { digest: 'first', storeDir: mkdtempSync(join(tmpdir(), 'sourced-publish-')), dir: DIR, root: ROOT };
  return withCheck ? { file, ...common } : { checked: checkArticleFile(file), ...common };
}

/** The stored record a task's result names. */
const stored = (done: ArticleTask, summary: { stored: string } | undefined) =>
  readStored(storedFile(done.storeDir, summary!.stored));

describe('publishing an article', () => {
  const pool = new ArticlePool({ threads: 1 });
  afterAll(() => pool.close());

  it('renders the tree the checker parsed exactly as the body parsed again, on this thread and on a worker', async () => {
    const tasks = [task(true), task(false), task(true)];
    const fromTree = await publishArticle(tasks[0]!);
    const fromText = await publishArticle(tasks[1]!);
    const onWorker = await pool.publish(tasks[2]!);
    expect(fromTree.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The data store gets the file's name, never a path.
    expect(fromTree.summary!.stored).toBe('first.json');
    const [a, b, c] = [fromTree, fromText, onWorker].map((result, index) => stored(tasks[index]!, result.summary));
    expect(a!.html).toContain('<span class="attribution">');
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(onWorker.summary).toEqual(fromTree.summary);
  });

  it('reports a plugin that throws instead of storing a page', async () => {
    const explode = () => () => {
      throw new Error('plugin exploded on purpose');
    };
    const throwing = bodyRenderer({ ...processorOptions, rehypePlugins: [...processorOptions.rehypePlugins, explode] });
    const result = await publishArticle(task(true), throwing);
    expect(result.summary).toBeUndefined();
    expect(result.renderError).toBe('plugin exploded on purpose');
  });
});
