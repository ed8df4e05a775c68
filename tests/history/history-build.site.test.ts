import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitStep, fixtureRepo, gitIn } from '../helpers/git-repo.ts';
import { buildDir, buildSite, bulkRecords, ROOT, writeArticles, type BuiltSite } from '../helpers/site.ts';
import { HISTORY_STEPS, REVISIONS } from './fixture.ts';

/** Every file of a built site (path -> bytes). */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [path.slice(dir.length), readFileSync(path)]),
  );
}

const json = (site: BuiltSite, path: string) => JSON.parse(site.read(path));

/** The Nu HTML Checker's errors on built pages, as `file:line:column message`. */
function htmlErrors(outDir: string, pages: string[]): string[] {
  const vnu = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const result = spawnSync(
    'java',
    ['-jar', vnu, '--errors-only', '--format', 'json', ...pages.map((page) => join(outDir, page))],
    { encoding: 'utf8' },
  );
  const report: { messages: { url?: string; lastLine?: number; firstColumn?: number; message: string }[] } = JSON.parse(
    result.stderr.trim() || result.stdout,
  );
  return report.messages.map(
    (message) => `${message.url}:${message.lastLine}:${message.firstColumn} ${message.message}`,
  );
}

const HOSTILE_MESSAGE = '<script>alert(1)</script> & "quotes" <!--';
const HOSTILE_TITLE = '</script><b>bold</b>';
const revisionsOf = (html: string) => html.match(/<ol class="revisions">[\s\S]*?<\/ol><\/article>/)?.[0] ?? '';

describe('a site built from a repository with history', () => {
  let site: BuiltSite;
  let repo: string;
  // Newest first: rename, correction, confirmation, publication, draft.
  let commits: string[];

  beforeAll(() => {
    const fixture = fixtureRepo(HISTORY_STEPS);
    repo = fixture.repo;
    commits = gitIn(repo, ['log', '--format=%H']).trim().split('\n');
    site = buildSite(fixture.articles);
    expect(site.status, site.output).toBe(0);
  });

  it('publishes every revision, newest first, with word-level changes, status changes, sources and corrections', () => {
    const [, corrected, confirmed, published] = commits.map((commit) => commit.slice(0, 12));
    expect(revisionsOf(site.read('articles/istanbul-talks/history/index.html'))).toBe(
      '<ol class="revisions">' +
        `<li id="rev-${corrected}"><h2><time datetime="2025-05-25T08:00:00Z">25 May 2025</time></h2>` +
        '<p class="note">An earlier version said the ceasefire had no length; it was 30 days. We also confirmed the claim <a href="/articles/istanbul-talks/#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a>.</p>' +
        `<p class="meta">Revision <code>${corrected}</code></p><ul class="changes">` +
        '<li class="change change-paragraph-changed"><p class="ui">Paragraph changed:</p><p class="diff">They demanded a <ins>30-day </ins>ceasefire. (Office of the President of Ukraine, Reuters)</p></li>' +
        '<li class="change change-paragraph-changed"><p class="ui">Paragraph changed:</p><p class="diff">The delegations met in Istanbul. (Reuters<ins>; BBC News</ins>)</p></li>' +
        '<li class="change change-source-added"><p><span class="ui">Source added:</span> BBC News, <cite>Delegations meet in Istanbul</cite></p></li>' +
        '<li class="change change-correction-added"><p><span class="ui">Correction added (<time datetime="2025-05-25">25 May 2025</time>):</span> An earlier version said the ceasefire had no length; it was 30 days. We also confirmed the claim <a href="/articles/istanbul-talks/#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a>.</p></li>' +
        '<li class="change change-other"><p class="ui">Also changed: the update date.</p></li></ul></li>' +
        `<li id="rev-${confirmed}"><h2><time datetime="2025-05-22T09:30:00Z">22 May 2025</time></h2>` +
        `<p class="meta">Revision <code>${confirmed}</code></p><ul class="changes">` +
        '<li class="change change-claim-status-changed"><p><span class="ui">Claim rated again:</span> “European leaders demanded a 30-day ceasefire.” <strong class="ui">Disputed<span aria-hidden="true"> → </span><span class="visually-hidden"> changed to </span>Confirmed</strong></p></li>' +
        '<li class="change change-other"><p class="ui">Also changed: the update date.</p></li></ul></li>' +
        `<li id="rev-${published}"><h2><time datetime="2025-05-20T10:00:00Z">20 May 2025</time></h2>` +
        `<p class="meta">Revision <code>${published}</code></p><p>First published.</p></li>` +
        '</ol></article>',
    );
  });

  it('links the article header to the history and each correction to the revision that made it', () => {
    const page = site.read('articles/istanbul-talks/index.html');
    expect(page).toContain(
      '<p class="meta history-link"><a href="/articles/istanbul-talks/history/">Updated twice: see every change</a></p>',
    );
    expect(page).toContain(
      `<p>An earlier version said the ceasefire had no length; it was 30 days. We also confirmed the claim <a href="#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a>.</p><p class="meta"><a href="/articles/istanbul-talks/history/#rev-${commits[1]!.slice(0, 12)}">See the revision that made this correction</a></p>`,
    );
  });

  it('gives every claim its statusHistory in the article data, the claims data and history.json', () => {
    const statusHistory = [
      { date: '2025-05-20T10:00:00Z', status: 'disputed', commit: commits[3] },
      { date: '2025-05-22T09:30:00Z', status: 'confirmed', commit: commits[2] },
    ];
    expect(json(site, 'articles/istanbul-talks.json').claims[0].statusHistory).toEqual(statusHistory);
    expect(bulkRecords(site, 'claims')[0].statusHistory).toEqual(statusHistory);
    const history = json(site, 'articles/istanbul-talks/history.json');
    expect(history).toMatchObject({
      slug: 'istanbul-talks',
      history: 'https://example.org/articles/istanbul-talks/history/',
      complete: true,
      statusHistory: { 'ceasefire-demand': statusHistory },
    });
    expect(history.revisions.map((revision: { commit: string }) => revision.commit)).toEqual(commits.slice(1, 4));
    expect(history.revisions[1].changes[0]).toEqual({
      kind: 'claim-status-changed',
      claim: 'ceasefire-demand',
      statement: 'European leaders demanded a 30-day ceasefire.',
      from: 'disputed',
      to: 'confirmed',
    });
  });

  it('shows no draft (neither the draft revision nor the article that is still a draft), no commit message and no author', () => {
    for (const [path, bytes] of filesOf(site.outDir)) {
      const text = bytes.toString('utf8');
      expect(text, path).not.toContain('only the draft had');
      expect(text, path).not.toContain('@example.org');
      expect(text, path).not.toContain('Ben Reviewer');
      expect(text, path).not.toContain('Ana Editor');
      for (const { message } of HISTORY_STEPS) expect(text, path).not.toContain(message);
      expect(text, path).not.toContain(commits[4]);
    }
    expect(existsSync(join(site.outDir, 'articles/plans'))).toBe(false);
  });

  it('gives byte-identical output for the same repository state, wherever it is checked out', () => {
    const clone = `${repo}-clone`;
    gitIn(repo, ['clone', '-q', repo, clone]);
    const again = buildSite(join(clone, 'content/articles'));
    expect(again.status, again.output).toBe(0);
    const first = filesOf(site.outDir);
    const second = filesOf(again.outDir);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), path).toBe(true);
  });
});

describe('a rebuild from a repository after a commit to one article', () => {
  // Astro logs "(restored)" or "(cached)" right after the path of a page it copies from the last build.
  const copied = (output: string, path: string) =>
    new RegExp(` ${path.replace(/[.]/g, '\\.')} \\((?:restored|cached)\\)`).test(output);
  const PAGES = [
    'articles/istanbul-talks/history/index.html',
    'articles/istanbul-talks/history.json',
    'articles/plans/history/index.html',
  ];
  let repo: string;
  /** The pages of the first build, as they were before the rebuild wrote over them. */
  let before: Map<string, string>;
  let second: BuiltSite;

  beforeAll(() => {
    const fixture = fixtureRepo([
      ...HISTORY_STEPS,
      {
        date: '2025-05-28T08:00:00Z',
        message: 'Publish the plans explainer',
        files: { 'plans.md': REVISIONS.published },
      },
    ]);
    repo = fixture.repo;
    const outDir = join(buildDir('history-rebuild-'), 'dist');
    const env = { SOURCED_CACHE_DIR: join(buildDir('history-rebuild-cache-'), 'cache') };
    const first = buildSite(fixture.articles, { outDir, env });
    expect(first.status, first.output).toBe(0);
    before = new Map(PAGES.map((path) => [path, first.read(path)]));
    commitStep(repo, {
      date: '2025-05-29T08:00:00Z',
      message: 'Plans: the demand is confirmed\n\nPublic-note: Both statements now confirm the demand.',
      // Confirmed, and readers told so in a correction (an unannounced status change fails the build).
      files: {
        'plans.md': REVISIONS.confirmed.replace(
          'updated: 2025-05-22\n',
          'updated: 2025-05-29\ncorrections:\n  - date: 2025-05-29\n    text: We confirmed the claim [@ceasefire-demand].\n',
        ),
      },
    });
    second = buildSite(fixture.articles, { outDir, env });
    expect(second.status, second.output).toBe(0);
  });

  it('copies the history page and data of the article whose commits did not change, byte for byte', () => {
    expect(copied(second.output, '/articles/istanbul-talks/history/index.html')).toBe(true);
    expect(copied(second.output, '/articles/istanbul-talks/history.json')).toBe(true);
    expect(second.read('articles/istanbul-talks/history/index.html')).toBe(
      before.get('articles/istanbul-talks/history/index.html'),
    );
    expect(second.read('articles/istanbul-talks/history.json')).toBe(
      before.get('articles/istanbul-talks/history.json'),
    );
  });

  it('renders again the history of the article with a new commit, with its new revision first', () => {
    expect(copied(second.output, '/articles/plans/history/index.html')).toBe(false);
    expect(copied(second.output, '/articles/plans/history.json')).toBe(false);
    expect(before.get('articles/plans/history/index.html')).not.toContain('Both statements now confirm the demand.');
    const revisions = json(second, 'articles/plans/history.json').revisions as { date: string; notes: string[] }[];
    expect(revisions.map((revision) => [revision.date, revision.notes])).toEqual([
      [
        '2025-05-29T08:00:00Z',
        ['We confirmed the claim [@ceasefire-demand].', 'Both statements now confirm the demand.'],
      ],
      ['2025-05-28T08:00:00Z', []],
    ]);
    expect(revisionsOf(second.read('articles/plans/history/index.html'))).toContain(
      '<h2><time datetime="2025-05-29T08:00:00Z">29 May 2025</time></h2><p class="note">We confirmed the claim <a href="/articles/plans/#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a>.</p><p class="note">Both statements now confirm the demand.</p>',
    );
  });
});

describe('a site built from a repository with an article not yet committed', () => {
  it('publishes the article without a history page, and prints no warning about its history', () => {
    const fixture = fixtureRepo(HISTORY_STEPS);
    writeFileSync(join(fixture.articles, 'fresh.md'), REVISIONS.published);
    const site = buildSite(fixture.articles);
    expect(site.status, site.output).toBe(0);
    expect(site.output).not.toMatch(/Entry history|was not found/);
    expect(existsSync(join(site.outDir, 'articles/fresh/index.html'))).toBe(true);
    expect(existsSync(join(site.outDir, 'articles/fresh/history/index.html'))).toBe(false);
    expect(existsSync(join(site.outDir, 'articles/istanbul-talks/history/index.html'))).toBe(true);
  });
});

describe('a site built from a shallow clone', () => {
  it('warns once in the build and says on the history page that earlier revisions are not shown; hostile text stays text', () => {
    const { repo } = fixtureRepo([
      ...HISTORY_STEPS,
      {
        date: '2025-05-28T08:00:00Z',
        message: `Hostile title\n\nPublic-note: ${HOSTILE_MESSAGE}`,
        author: 'Ana & Co',
        files: {
          'istanbul-talks.md': REVISIONS.corrected.replace('title: Talks in Istanbul', `title: '${HOSTILE_TITLE}'`),
        },
      },
    ]);
    const clone = `${repo}-shallow`;
    gitIn(repo, ['clone', '-q', '--depth', '2', `file://${repo}`, clone]);
    const site = buildSite(join(clone, 'content/articles'));
    expect(site.status, site.output).toBe(0);
    expect(site.output.match(/history incomplete.*/g)).toEqual([
      'history incomplete: shallow clone, 2 commits; the history pages say that earlier revisions are not shown (clone with full history, such as fetch-depth: 0, to publish them)',
    ]);
    const page = site.read('articles/istanbul-talks/history/index.html');
    expect(page).toContain(
      '<p class="history-incomplete" role="note">This history is incomplete: the site was built from a shallow copy of its repository, so earlier revisions are not shown.</p>',
    );
    expect(page).toContain('<p>The oldest revision in this copy of the history.</p>');
    const history = json(site, 'articles/istanbul-talks/history.json');
    expect(history.complete).toBe(false);
    expect(
      history.revisions.map((revision: { date: string; notes: string[] }) => [revision.date, revision.notes]),
    ).toEqual([
      ['2025-05-28T08:00:00Z', [HOSTILE_MESSAGE]],
      ['2025-05-27T08:00:00Z', []],
    ]);
    expect(page).not.toContain('Ana &amp; Co');
    expect(page).toContain(
      '<time datetime="2025-05-28T08:00:00Z">28 May 2025</time></h2><p class="note">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" &lt;!--</p>',
    );
    expect(page).toContain(
      '<p class="diff"><del>Talks in Istanbul</del><ins>&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;</ins></p>',
    );
    // Outside attribute values (where "<" is plain text), no tag came from the title or the commit.
    expect(page.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script|<img|<b>/);
    expect(
      htmlErrors(site.outDir, ['articles/istanbul-talks/history/index.html', 'articles/istanbul-talks/index.html']),
    ).toEqual([]);
  });
});

describe('a site built outside a git repository', () => {
  it('builds without history pages, says so once, and dates each claim status by the article', () => {
    const site = buildSite(writeArticles({ 'talks.md': REVISIONS.confirmed }));
    expect(site.status, site.output).toBe(0);
    expect(site.output.match(/no git repository.*/g)).toEqual([
      'no git repository: the site is built without history pages',
    ]);
    expect(existsSync(join(site.outDir, 'articles/talks/history'))).toBe(false);
    expect(existsSync(join(site.outDir, 'articles/talks/history.json'))).toBe(false);
    expect(site.read('articles/talks/index.html')).not.toContain('history');
    expect(json(site, 'articles/talks.json').claims[0].statusHistory).toEqual([
      { date: '2025-05-22', status: 'confirmed', commit: null },
    ]);
  });
});
