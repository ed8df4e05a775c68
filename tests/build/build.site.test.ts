import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { buildSite, ROOT, runBuildCommand, writeArticles, type BuiltSite, buildDir } from '../helpers/site.ts';

const hostileTitle = 'Talks </script><script>alert(1)</script> & "quotes"';
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
const hrefs = (html: string, prefix: string) =>
  [...html.matchAll(/\shref="#([^"]+)"/g)].map((match) => match[1]!).filter((id) => id.startsWith(prefix));

describe('a built site', () => {
  let site: BuiltSite;
  let page: string;

  beforeAll(() => {
    const dir = writeArticles({
      'talks.md': article(VALID_FRONTMATTER.replace('title: Talks in Istanbul', `title: '${hostileTitle}'`)),
      'draft-piece.md': article(`${VALID_FRONTMATTER}draft: true\n`),
      '_notes.md': 'ignored',
    });
    site = buildSite(dir);
    expect(site.status, site.output).toBe(0);
    page = site.read('articles/talks/index.html');
  });

  it('publishes the article and leaves out drafts and ignored files', () => {
    expect(existsSync(join(site.outDir, 'articles/draft-piece'))).toBe(false);
    expect(existsSync(join(site.outDir, 'articles/_notes'))).toBe(false);
    const home = site.read('index.html');
    expect(home).toContain('href="/articles/talks/"');
    expect(home).not.toContain('draft-piece');
  });

  it('turns every citation into an attribution that links to a card in an entry of the source list', () => {
    const targets = hrefs(page, 'card-');
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const target of targets) expect(ids(page).has(target), target).toBe(true);
    expect(page).toContain('<li id="source-kyiv-statement" class="primary"><div id="card-1" popover>');
    expect(page).toContain('<li id="source-reuters-talks"><div id="card-2" popover>');
    expect(page).not.toContain('[@');
  });

  it('gives every cited place a back-link from the source list, and every back-link a target', () => {
    const backlinks = hrefs(page, 'cite-');
    // kyiv-statement is cited at place 1, the claim at place 2 (its sources are on its card, not
    // places of their own), reuters-talks at place 3.
    const entry = (id: string) =>
      page.slice(page.indexOf(`<li id="source-${id}"`), page.indexOf('</li>', page.indexOf(`<li id="source-${id}"`)));
    expect(hrefs(entry('kyiv-statement'), 'cite-')).toEqual(['cite-1']);
    expect(hrefs(entry('reuters-talks'), 'cite-')).toEqual(['cite-3']);
    for (const target of backlinks) expect(ids(page).has(target), target).toBe(true);
    expect(entry('kyiv-statement')).toContain('<p class="meta"><a href="#cite-1">Where the text mentions it</a></p>');
  });

  it('links every section, search included, from the header of every page', () => {
    const nav = /<nav aria-label="Site">(.*?)<\/nav>/.exec(page)?.[1] ?? '';
    expect([...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((match) => `${match[2]} ${match[1]}`)).toEqual(
      [
        'Explainers /',
        'Topics /topics/',
        'Sources /sources/',
        'Claims /claims/',
        'Corrections /corrections/',
        'Methodology /methodology/',
        'Search /search/',
      ],
    );
  });

  it('escapes hostile text instead of publishing it as markup', () => {
    // Inside a quoted attribute value `<` is text, so only markup outside attribute values counts.
    expect(page.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)</script>');
    // Quotes need no escape in text, and are written as typed (src/site/html-text.ts).
    expect(page).toContain('<h1>Talks &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"</h1>');
  });

  it('gives headings ids and marks dates up with <time datetime>', () => {
    expect(page).toContain('<h2 id="what-happened">What happened</h2>');
    expect(page).toContain('<time datetime="2025-05-20">20 May 2025</time>');
  });
});

describe('npm run build', () => {
  it('ends with one summary: articles published, drafts skipped (each named), and every warning again', () => {
    const dir = writeArticles({
      'talks.md': article(),
      'repeated-topic.md': article(VALID_FRONTMATTER.replace('  - diplomacy\n', '  - diplomacy\n  - diplomacy\n')),
      'draft-piece.md': article(`${VALID_FRONTMATTER}draft: true\n`),
      'second-draft.md': article(`${VALID_FRONTMATTER}draft: true\n`),
    });
    const outDir = join(buildDir('out-'), 'dist');
    const built = runBuildCommand(dir, outDir);
    expect(built.status, built.output).toBe(0);
    // The open data is written after the pages, while Pagefind indexes the site, and nothing but the
    // site is left beside it.
    expect(built.output).toMatch(/^2 claims in 1 and 4 sources in 1 bulk files$/m);
    expect(
      readFileSync(join(outDir, 'data/claims-0001.ndjson'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).article.slug),
    ).toEqual(['repeated-topic', 'talks']);
    expect(JSON.parse(readFileSync(join(outDir, 'data/index.json'), 'utf8'))).toMatchObject({
      articles: 2,
      claims: 2,
      sources: 4,
    });
    expect(readdirSync(dirname(outDir))).toEqual(['dist']);
    // The articles' own JSON files: byte for byte those of `astro build` alone.
    expect(built.output).toMatch(/^2 article data files: 2 written, 0 unchanged$/m);
    const plain = buildSite(dir);
    expect(plain.status, plain.output).toBe(0);
    for (const slug of ['talks', 'repeated-topic'])
      expect(readFileSync(join(outDir, `articles/${slug}.json`), 'utf8')).toBe(plain.read(`articles/${slug}.json`));
    const [file, draft, second] = ['repeated-topic.md', 'draft-piece.md', 'second-draft.md'].map((name) =>
      relative(ROOT, join(dir, name)),
    );
    // Each draft is named; both are dated in the past, so each is a warning too.
    const pastDraft =
      'warning  draft-not-published  This draft is dated 2025-05-20, which has passed, and it is not published; set draft: false to publish it, or set published to the day it will go live.';
    expect(built.output.trimEnd().split('\n').slice(-4)).toEqual([
      `Summary: 2 articles published, 2 drafts skipped (${draft}, ${second}), 3 warnings:`,
      `${draft}:4:1  ${pastDraft}`,
      `${file}:9:5  warning  duplicate-value  Topic 2 repeats "diplomacy", already listed as topic 1; remove the repeat.`,
      `${second}:4:1  ${pastDraft}`,
    ]);
  });
});

describe('a rebuild with npm run build', () => {
  it('replaces the site, and the site it replaced is deleted after the build, by a process of its own', async () => {
    const outDir = join(buildDir('out-'), 'dist');
    const cache = { SOURCED_CACHE_DIR: join(buildDir('cache-'), 'cache') };
    const dir = writeArticles({
      'talks.md': article(),
      'ceasefire.md': article(VALID_FRONTMATTER.replace('title: Talks in Istanbul', 'title: Ceasefire talks')),
    });
    expect(runBuildCommand(dir, outDir, cache).status).toBe(0);
    const untouched = readFileSync(join(outDir, 'articles/ceasefire.json'), 'utf8');
    writeFileSync(join(dir, 'talks.md'), `${article().trimEnd()}\n\nA sentence added for the rebuild.\n`);
    const again = runBuildCommand(dir, outDir, cache);
    expect(again.status, again.output).toBe(0);
    expect(readFileSync(join(outDir, 'articles/talks/index.html'), 'utf8')).toContain(
      'A sentence added for the rebuild.',
    );
    // The untouched article's JSON file is taken from the last build's.
    expect(again.output).toMatch(/^2 article data files: 1 written, 1 unchanged$/m);
    expect(readFileSync(join(outDir, 'articles/ceasefire.json'), 'utf8')).toBe(untouched);
    const aside = () => readdirSync(dirname(outDir)).filter((name) => name.startsWith('.dist-staging'));
    for (let waited = 0; waited < 20_000 && aside().length > 0; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aside()).toEqual([]);
    expect(readdirSync(dirname(outDir))).toEqual(['dist']);
  });
});

describe('a build that must fail', () => {
  it('fails on a content error, names the file and rule, and leaves the previous site untouched', () => {
    const outDir = join(buildDir('out-'), 'dist');
    const good = runBuildCommand(writeArticles({ 'talks.md': article() }), outDir);
    expect(good.status, good.output).toBe(0);
    const before = readFileSync(join(outDir, 'articles/talks/index.html'), 'utf8');

    const broken = writeArticles({ 'talks.md': article(VALID_FRONTMATTER, `${VALID_BODY}\nMore. [@nowhere]\n`) });
    const result = runBuildCommand(broken, outDir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /talks\.md:41:7 {2}error {2}unknown-citation {2}Citation \[@nowhere\] matches no source or claim/,
    );
    expect(result.output).toContain('was left as it was');
    expect(readFileSync(join(outDir, 'articles/talks/index.html'), 'utf8')).toBe(before);
  });

  it("fails when a Markdown plugin throws, instead of publishing an empty page (Astro's glob loader would)", () => {
    const dir = writeArticles({
      'fine.md': article(),
      'explodes.md': article(VALID_FRONTMATTER, `${VALID_BODY}\nTHROW-WHILE-RENDERING\n`),
    });
    const result = buildSite(dir, { config: 'tests/fixtures/sites/throwing-plugin.config.mjs' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('explodes.md');
    expect(result.output).toContain('render-failed');
    expect(result.output).toContain('plugin exploded on purpose');
    expect(existsSync(join(result.outDir, 'articles/explodes/index.html'))).toBe(false);
  });

  it('checks each article once, in the content loader, reports from the check cache, and checks a changed text in full', () => {
    const dir = writeArticles({ 'talks.md': article() });
    const outDir = join(buildDir('out-'), 'dist');
    const built = runBuildCommand(dir, outDir, { SOURCED_CHECK_CACHE_DIR: join(buildDir('check-cache-'), 'cache') });
    expect(built.status, built.output).toBe(0);
    const rendered = built.output.indexOf('1 article rendered, 0 unchanged, 0 check results from the cache');
    expect(rendered).toBeGreaterThan(-1);
    // The report after Astro's output takes the loader's result from the cache.
    expect(built.output.indexOf('1 article checked: 0 errors, 0 warnings')).toBeGreaterThan(rendered);
    expect(built.output.trimEnd().split('\n').at(-1)).toBe(
      'Summary: 1 article published, 0 drafts skipped, no warnings.',
    );

    // The cache holds the good text's result; a different text must not get it.
    writeFileSync(join(dir, 'talks.md'), article(VALID_FRONTMATTER, `${VALID_BODY}\nMore. [@nowhere]\n`));
    const result = buildSite(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('talks.md:41:7  error  unknown-citation');
  });

  it('fails when the loader meets an invalid article even without the checker in front of it', () => {
    const dir = writeArticles({
      'talks.md': article(VALID_FRONTMATTER.replace('published: 2025-05-20', 'published: 2025-02-30')),
    });
    const result = buildSite(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('talks.md:4:1  error  invalid-date');
  });
});
