import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckCache, checkerVersion } from '../../src/checker/check-cache.ts';
import { checkArticleFile } from '../../src/checker/check-file.ts';
import { CachedChecker, checkTargets } from '../../src/checker/check-files.ts';
import { CheckPool } from '../../src/checker/check-pool.ts';
import { codeVersion, moduleGraph, patchFiles } from '../../src/infra/module-graph.ts';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { ROOT, writeArticles } from '../helpers/site.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A small project: an entry that imports a helper, which imports another; and a file nobody imports. */
function project(): string {
  const root = temp('sourced-graph-');
  const files: Record<string, string> = {
    'src/checker/entry.ts':
      "import { helper } from './helper.ts';\nimport type { T } from '../format/types.ts';\nexport const run = (t: T) => helper(t);\n",
    'src/checker/helper.ts':
      "export { deep as helper } from '../format/deep.ts';\nconst lazy = () => import('./lazy.ts');\n",
    'src/checker/lazy.ts': 'export const lazy = 1;\n',
    'src/format/deep.ts': 'export const deep = (value: unknown) => value;\n',
    'src/format/types.ts': 'export type T = string;\n',
    'src/format/unrelated.ts': 'export const unrelated = 1;\n',
    'package-lock.json': '{"lockfileVersion":3}\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the code version', () => {
  it('follows static, type-only, re-exported and dynamic imports, and nothing else', () => {
    const root = project();
    expect(moduleGraph([join(root, 'src/checker/entry.ts')]).map((file) => file.slice(root.length + 1))).toEqual([
      'src/checker/entry.ts',
      'src/checker/helper.ts',
      'src/checker/lazy.ts',
      'src/format/deep.ts',
      'src/format/types.ts',
    ]);
  });

  it('changes when any module of the graph or the lock file changes, and only then', () => {
    const root = project();
    const version = () => codeVersion(root, [join(root, 'src/checker/entry.ts')], ['package-lock.json']);
    const first = version();
    expect(version()).toBe(first);
    writeFileSync(join(root, 'src/format/unrelated.ts'), 'export const unrelated = 2;\n');
    expect(version()).toBe(first);
    writeFileSync(join(root, 'src/format/deep.ts'), 'export const deep = (value: unknown) => String(value);\n');
    const second = version();
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    expect(version()).not.toBe(second);
  });

  it('changes when a patch of a package is added, edited or removed', () => {
    const root = project();
    const version = () => codeVersion(root, [join(root, 'src/checker/entry.ts')], ['package-lock.json']);
    const first = version();
    mkdirSync(join(root, 'patches'));
    writeFileSync(join(root, 'patches/astro+7.3.5.patch'), '--- a\n+++ b\n');
    const patched = version();
    expect(patched).not.toBe(first);
    writeFileSync(join(root, 'patches/astro+7.3.5.patch'), '--- a\n+++ c\n');
    expect(version()).not.toBe(patched);
    rmSync(join(root, 'patches/astro+7.3.5.patch'));
    expect(version()).toBe(first);
  });

  it("covers the project's own patches in every version made from code", () => {
    expect(patchFiles(ROOT).map((file) => file.slice(ROOT.length + 1))).toEqual(['patches/astro+7.3.5.patch']);
  });

  it("covers the real checker: its rules' modules, the schemas they validate against and the lock file reader", () => {
    const graph = moduleGraph([join(ROOT, 'src/checker/check-files.ts')]).map((file) => file.slice(ROOT.length + 1));
    expect(graph).toEqual(
      expect.arrayContaining([
        'src/checker/check-article.ts',
        'src/format/article.ts',
        'src/format/source.ts',
        'src/sources/lock.ts',
        'src/markdown/parse-body.ts',
        'src/checker/check-cache.ts',
        'src/checker/check-worker.ts',
      ]),
    );
    // The checker parses bodies with the site's parser (src/markdown/parse-body.ts), and renders nothing.
    expect(graph.filter((file) => !/^src\/(?:infra|format|reader|sources|checker)\//.test(file))).toEqual([
      'src/markdown/parse-body.ts',
    ]);
    expect(checkerVersion()).toMatch(/^[\w-]{22}$/);
  });
});

describe('the check cache', () => {
  const bad = article(VALID_FRONTMATTER, VALID_BODY.replace('[@kyiv-statement]', '[@kyiv]'));

  it('gives a file checked before its stored result, under the name it has now', async () => {
    const cache = new CheckCache({ dir: temp('sourced-cache-') });
    const dir = writeArticles({ 'bad.md': bad, 'good.md': article() });
    const first = await checkTargets([dir], { cwd: dir, checker: new CachedChecker(cache) });
    expect(first.fromCache).toBe(0);
    const again = await checkTargets([dir], {
      cwd: join(dir, '..'),
      checker: new CachedChecker(cache, { content: true }),
    });
    expect(again.fromCache).toBe(2);
    const name = dir.split('/').pop();
    expect(
      again.checked.map((file) => file.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.rule}`)),
    ).toEqual([[`${name}/bad.md:35:22  unknown-citation`], []]);
    expect(again.checked[1]!.article).toEqual(first.checked[1]!.article);
    expect(again.checked[1]!.body).toBe(first.checked[1]!.body);
    // npm run check reads only the diagnostics.
    const forCheck = await checkTargets([dir], { checker: new CachedChecker(cache) });
    expect([forCheck.fromCache, forCheck.checked[1]!.body, forCheck.checked[1]!.article]).toEqual([
      2,
      undefined,
      undefined,
    ]);
  });

  it('checks again a file whose text, name, day or checker changed', async () => {
    const dir = temp('sourced-cache-');
    const articles = writeArticles({ 'talks.md': article() });
    const run = async (options: ConstructorParameters<typeof CheckCache>[0]) =>
      (
        await checkTargets([articles], {
          checker: new CachedChecker(new CheckCache({ dir, version: 'v1', today: '2026-01-01', ...options })),
        })
      ).fromCache;
    expect(await run({})).toBe(0);
    expect(await run({})).toBe(1);
    expect(await run({ today: '2026-01-02' })).toBe(0);
    expect(await run({ version: 'v2' })).toBe(0);
    writeFileSync(join(articles, 'talks.md'), bad);
    const changed = await checkTargets([articles], {
      checker: new CachedChecker(new CheckCache({ dir, version: 'v2', today: '2026-01-01' })),
    });
    expect(changed.fromCache).toBe(0);
    expect(changed.checked[0]!.diagnostics.map((d) => d.rule)).toEqual(['unknown-citation']);
    cpSync(join(articles, 'talks.md'), join(articles, 'Talks.md'));
    const renamed = await checkTargets([join(articles, 'Talks.md')], {
      checker: new CachedChecker(new CheckCache({ dir, version: 'v2', today: '2026-01-01' })),
    });
    expect(renamed.fromCache).toBe(0);
    expect(renamed.checked[0]!.diagnostics.map((d) => d.rule)).toEqual(['file-name', 'unknown-citation']);
  });
});

describe('the check pool', () => {
  it('checks exactly as the calling thread does', async () => {
    const dir = writeArticles({
      'bad.md': article(VALID_FRONTMATTER, VALID_BODY.replace('[@kyiv-statement]', '[@kyiv]')),
    });
    const file = { path: 'bad.md', full: join(dir, 'bad.md'), file: 'bad.md' };
    const pool = new CheckPool({ threads: 1 });
    try {
      expect(await pool.check(file)).toEqual(checkArticleFile(file));
    } finally {
      await pool.close();
    }
  });

  it('leaves nobody waiting when a worker exits without an error event: the file is checked here instead', async () => {
    const dir = writeArticles({ 'talks.md': article() });
    const files = [1, 2, 3].map(() => ({ path: 'talks.md', full: join(dir, 'talks.md'), file: 'talks.md' }));
    const pool = new CheckPool({ threads: 2, worker: new URL('../fixtures/workers/exits.ts', import.meta.url) });
    try {
      const results = await Promise.all(files.map((file) => pool.check(file)));
      expect(results).toEqual(files.map((file) => checkArticleFile(file)));
    } finally {
      await pool.close();
    }
  });
});
