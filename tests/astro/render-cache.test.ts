import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleLoader } from '../../src/astro/article-loader.ts';
import { articleStoreDir, readStored, storedFile } from '../../src/astro/article-store.ts';
import { article } from '../helpers/articles.ts';
import { ROOT } from '../helpers/site.ts';

/** A project of our own sources, which the test may edit, with one article. */
function copyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'sourced-render-cache-'));
  for (const path of [
    'src/markdown',
    'src/format',
    'src/publishing/security-policy.ts',
    'astro.config.mjs',
    'package-lock.json',
  ]) {
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  }
  mkdirSync(join(root, 'content/articles'), { recursive: true });
  writeFileSync(join(root, 'content/articles/talks.md'), article());
  return root;
}

type Entries = Map<string, { digest?: string; data: { stored?: string } }>;

/**
 * Astro's side of a content loader, as much of it as ours uses: a data store that lasts between
 * loads (and, given `entries`, between projects), which like Astro's ignores an entry set again
 * with the digest it has.
 */
function loaderContext(root: string, entries: Entries = new Map()) {
  const logged: string[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; digest?: string; data: { stored?: string } }) => {
        if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      delete: (id: string) => void entries.delete(id),
    },
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/cache/`) },
    logger: { info: (line: string) => void logged.push(line), error: (line: string) => void logged.push(line) },
  };
  const load = async () => {
    await articleLoader().load(context as never);
    return logged.at(-1)!.replace(/, \d+ check results? from the cache$/, '');
  };
  // The store keeps the article's summary; its rendered HTML is in the file the summary names.
  const file = () => {
    const stored = entries.get('talks')?.data.stored;
    return stored === undefined ? undefined : storedFile(articleStoreDir(join(root, 'cache')), stored);
  };
  const html = () => readStored(file()!).html;
  return { load, html, file, entries };
}

describe('the render cache', () => {
  let root: string;
  let loader: ReturnType<typeof loaderContext>;

  beforeAll(async () => {
    root = copyProject();
    loader = loaderContext(root);
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
  });

  it('keeps the stored page when nothing it depends on changed, even when other code did', async () => {
    expect(await loader.load()).toBe('0 articles rendered, 1 unchanged');
    appendFileSync(join(root, 'src/format/page.ts'), '// Not imported by the Markdown pipeline.\n');
    expect(await loader.load()).toBe('0 articles rendered, 1 unchanged');
  });

  it('renders the page again when a helper that a plugin imports changes', async () => {
    appendFileSync(join(root, 'src/format/citation-syntax/syntax.ts'), '// Imported by remark-citations.ts.\n');
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
    expect(loader.html()).toContain('<span class="attribution">');
    expect(await loader.load()).toBe('0 articles rendered, 1 unchanged');
  });

  it('renders the page again when the site config or the lock file changes', async () => {
    appendFileSync(join(root, 'astro.config.mjs'), '// A config change.\n');
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
    appendFileSync(join(root, 'package-lock.json'), '\n');
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
  });

  it('renders again an article whose stored file is missing, cut short or unreadable, instead of failing', async () => {
    const html = loader.html();
    expect(await loader.load()).toBe('0 articles rendered, 1 unchanged');
    rmSync(loader.file()!);
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
    expect(loader.html()).toBe(html);
    writeFileSync(loader.file()!, readFileSync(loader.file()!, 'utf8').slice(0, 100));
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
    expect(loader.html()).toBe(html);
    rmSync(loader.file()!);
    mkdirSync(loader.file()!);
    expect(await loader.load()).toBe('1 article rendered, 0 unchanged');
    expect(loader.html()).toBe(html);
  });

  it('keeps every entry right when the project folder moves with its cache: no entry names a path', async () => {
    expect(await loader.load()).toBe('0 articles rendered, 1 unchanged');
    const html = loader.html();
    expect([...loader.entries.values()].map((entry) => entry.data.stored)).toEqual([
      expect.stringMatching(/^[\w-]+\.json$/),
    ]);
    const moved = `${root}-moved`;
    renameSync(root, moved);
    const after = loaderContext(moved, loader.entries);
    expect(await after.load()).toBe('0 articles rendered, 1 unchanged');
    expect(after.html()).toBe(html);
    // Moved without its cache folder (a CI cache restored elsewhere, say): rendered again.
    rmSync(join(moved, 'cache'), { recursive: true });
    expect(await after.load()).toBe('1 article rendered, 0 unchanged');
    expect(after.html()).toBe(html);
    renameSync(moved, root);
  });
});
