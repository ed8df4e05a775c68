import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { buildDir, ROOT, writeArticles } from '../helpers/site.ts';

/** The page's HTML without the attributes Astro's dev server adds to every element. */
const plain = (html: string) => html.replace(/ data-astro-(?:source-file|source-loc|cid-[a-z0-9]+)(?:="[^"]*")?/g, '');

/**
 * The environment of an editor's terminal: without vitest's variables, which make Astro's dev
 * server answer 404 for every page (it takes itself for a test run).
 */
const editorEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));

/** `astro dev` over the articles of `dir`, with the cache folder `cache`; resolves once it prints its address. */
async function startDev(
  dir: string,
  cache: string,
): Promise<{ server: ChildProcess; origin: string; log: () => string }> {
  let log = '';
  // Port 0: the system picks a free port, and Astro prints the address it got.
  const server = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--root', ROOT],
    {
      cwd: ROOT,
      env: { ...editorEnv(), ASTRO_TELEMETRY_DISABLED: '1', SOURCED_ARTICLES_DIR: dir, SOURCED_CACHE_DIR: cache },
      detached: true,
    },
  );
  const origin = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += stripVTControlCharacters(chunk.toString());
      const address = /Local\s+(http:\/\/localhost:\d+)\//.exec(log);
      if (address) resolve(address[1]!);
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
  return { server, origin, log: () => log };
}

const STORE = join(ROOT, '.astro/data-store');

/** True when a file of the dev data store holding the published article was written since `time`. */
const storeWrittenSince = (time: number) =>
  existsSync(STORE) &&
  readdirSync(STORE).some(
    (name) =>
      statSync(join(STORE, name)).mtimeMs >= time && readFileSync(join(STORE, name), 'utf8').includes('talks.md'),
  );

/** Stops a dev server and everything it started (its process group), and waits for it to end. */
async function stopDev(server: ChildProcess | undefined): Promise<void> {
  if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
  const ended = new Promise((resolve) => server.once('exit', resolve));
  process.kill(-server.pid, 'SIGTERM');
  await ended;
}

describe('npm run dev', () => {
  let server: ChildProcess;
  let origin: string;
  let dir: string;
  let cache: string;

  beforeAll(async () => {
    dir = writeArticles({
      'talks.md': article(),
      'draft-piece.md': article(
        `${VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: Talks, a draft')}draft: true\n`,
      ),
      'broken.md': article(VALID_FRONTMATTER.replace('published: 2025-05-20', 'published: 2025-02-30')),
    });
    // What ran before must not matter: the dev server keeps its data store in the project's
    // `.astro/`, across runs, while each run here has a cache folder of its own. An earlier run
    // over the same articles, whose cache folder is gone since, must leave nothing that breaks this one.
    const earlierCache = join(buildDir('cache-'), 'cache');
    const started = Date.now();
    const earlier = await startDev(dir, earlierCache);
    try {
      expect((await fetch(`${earlier.origin}/articles/talks/`)).status).toBe(200);
      // Astro writes its data store a moment after the loaders set their entries.
      for (let attempt = 0; attempt < 100 && !storeWrittenSince(started); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(storeWrittenSince(started)).toBe(true);
    } finally {
      await stopDev(earlier.server);
    }
    rmSync(earlierCache, { recursive: true, force: true });
    cache = join(buildDir('cache-'), 'cache');
    ({ server, origin } = await startDev(dir, cache));
  }, 240_000);

  afterAll(() => stopDev(server));

  const get = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, html: plain(await response.text()) };
  };

  it('shows a draft at its address, under a "Draft: not published" banner', async () => {
    const { status, html } = await get('/articles/draft-piece/');
    expect(status).toBe(200);
    expect(html).toContain(
      '<p class="draft-banner" role="note"><strong>Draft: not published.</strong> Only <code>npm run dev</code> shows this page; set <code>draft: false</code> to publish it.</p>',
    );
    expect(html).toContain('<h1>Talks, a draft</h1>');
    expect(html).toContain('Leaders met in Kyiv.');
  });

  it('shows a published article without the banner, and no draft in the listings', async () => {
    const article = await get('/articles/talks/');
    expect(article.status).toBe(200);
    expect(article.html).toContain('<h1>Talks in Istanbul</h1>');
    expect(article.html).not.toContain('Draft: not published');
    const home = await get('/');
    expect(home.html).toContain('/articles/talks/');
    expect(home.html).not.toContain('/articles/draft-piece/');
  });

  it("serves a published article's JSON file from the JSON route, and none for a draft", async () => {
    const data = await fetch(`${origin}/articles/talks.json`);
    expect(data.status).toBe(200);
    expect(await data.json()).toMatchObject({
      slug: 'talks',
      title: 'Talks in Istanbul',
      url: 'https://example.org/articles/talks/',
    });
    expect((await fetch(`${origin}/articles/draft-piece.json`)).status).toBe(404);
  });

  it('lists the problems of an article with errors at its address, instead of a 404', async () => {
    const file = relative(ROOT, join(dir, 'broken.md'));
    const { status, html } = await get('/articles/broken/');
    expect(status).toBe(200);
    expect(html).toContain('<h1>This article has problems and is not published</h1>');
    expect(html).toContain(
      `<li><code>${file}:4:1</code> error <code>invalid-date</code>: Field &quot;published&quot; is &quot;2025-02-30&quot;, which is not a real date; write YYYY-MM-DD (for example 2025-05-11) or a date-time with an offset (2025-05-11T09:30:00+03:00).</li>`,
    );
  });

  it('shows the article once its problem is fixed, and still answers 404 where there is no article', async () => {
    writeFileSync(join(dir, 'broken.md'), article());
    let html = '';
    for (let attempt = 0; attempt < 50 && !html.includes('<h1>Talks in Istanbul</h1>'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      html = (await get('/articles/broken/')).html;
    }
    expect(html).toContain('<h1>Talks in Istanbul</h1>');
    expect(html).not.toContain('problems');
    expect((await get('/articles/nothing-here/')).status).toBe(404);
  });

  it('keeps no path of the project or of its cache folder in the data store of .astro/', () => {
    const texts = readdirSync(STORE).map((name) => readFileSync(join(STORE, name), 'utf8'));
    expect(texts.join('\n')).toContain('talks');
    for (const text of texts) {
      expect(text).not.toContain(ROOT);
      expect(text).not.toContain(cache);
    }
  });
});
