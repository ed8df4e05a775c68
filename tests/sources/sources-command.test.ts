import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';
import { newsPage, pdfWithText, startSourceServer, windows1251, type SourceServer } from '../helpers/source-server.ts';

const QUOTE = `The leaders warned that "new and massive" sanctions would be imposed on Russia's energy sector.`;
const RUSSIAN = 'Мы готовы к прямым переговорам без предварительных условий.';
const PDF_QUOTE = 'The parties agree to a ceasefire of thirty days.';

let server: SourceServer;
let version = 1;

/** The sources of the test article: id, path on the fixture server, quote, and language. */
const SOURCES: [id: string, path: string, quote?: string, lang?: string][] = [
  ['curly', '/curly', QUOTE],
  ['no-quote', '/no-quote', QUOTE],
  ['redirected', '/redirect/1', QUOTE],
  ['gone-404', '/gone-404', QUOTE],
  ['gone-410', '/gone-410', QUOTE],
  ['server-error', '/error-500', QUOTE],
  ['slow', '/slow', QUOTE],
  ['forbidden', '/forbidden', QUOTE],
  ['russian', '/cp1251', RUSSIAN, 'ru'],
  ['treaty-pdf', '/treaty.pdf', PDF_QUOTE],
  ['oversized', '/huge', QUOTE],
  ['changing', '/changing'],
];

function articleText(origin: string, list = SOURCES): string {
  const sources = list
    .map(
      ([id, path, quote, lang]) =>
        `  - id: ${id}\n    kind: news\n    publisher: Fixture ${id}\n    title: Page ${id}\n    url: ${origin}${path}\n    accessed: 2026-11-20\n` +
        (quote ? `    quote: '${quote.replace(/'/g, "''")}'\n` : '') +
        (lang ? `    lang: ${lang}\n` : ''),
    )
    .join('');
  const body = list.map(([id]) => `Sentence citing ${id}. [@${id}]`).join('\n\n');
  return `---\ntitle: Fixture article\ndescription: Checks every kind of source page.\npublished: 2026-11-20\nauthors:\n  - sourced-newsroom\ntopics:\n  - diplomacy\nsources:\n${sources}---\n\n${body}\n`;
}

/** A project folder with one article; returns the folder. */
function project(list = SOURCES): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-sources-'));
  mkdirSync(join(dir, 'content/articles'), { recursive: true });
  writeFileSync(join(dir, 'content/articles/fixture-article.md'), articleText(server.origin, list));
  return dir;
}

async function sources(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'src/cli/sources.ts'), ...args],
      {
        cwd,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { status: code, stdout, stderr };
  }
}

beforeAll(async () => {
  server = await startSourceServer();
  const html =
    (body: string, type = 'text/html; charset=utf-8') =>
    (_: unknown, response: import('node:http').ServerResponse) => {
      response.writeHead(200, { 'Content-Type': type }).end(body);
    };
  const status = (code: number) => (_: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(code, { 'Content-Type': 'text/html' }).end(`<p>Error ${code}</p>`);
  };
  // The quote with curly quotes, non-breaking spaces and other case.
  server.route(
    '/curly',
    html(
      newsPage('Sanctions', [
        'Officials met in Kyiv.',
        'THE LEADERS warned that “new and\u00a0massive” sanctions would be imposed on Russia’s energy sector.',
      ]),
    ),
  );
  server.route(
    '/no-quote',
    html(newsPage('Weather', ['It rained in Kyiv all week, and the forecast says more rain is coming.'])),
  );
  server.route('/redirect/1', (_, response) => response.writeHead(301, { Location: '/redirect/2' }).end());
  server.route('/redirect/2', (_, response) => response.writeHead(302, { Location: `${server.origin}/final` }).end());
  server.route('/final', html(newsPage('Sanctions', [QUOTE])));
  server.route('/gone-404', status(404));
  server.route('/gone-410', status(410));
  server.route('/error-500', status(500));
  server.route('/slow', () => {}); // never answers
  server.route('/forbidden', status(403));
  server.route('/cp1251', (_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(
      windows1251(
        newsPage('Переговоры', ['Москва, 11 мая.', RUSSIAN], {
          meta: '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        }),
      ),
    );
  });
  server.route('/treaty.pdf', (_, response) =>
    response.writeHead(200, { 'Content-Type': 'application/pdf' }).end(pdfWithText(`Article 1. ${PDF_QUOTE}`)),
  );
  server.route('/huge', (_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    const chunk = `<p>${'x'.repeat(1023)}</p>`;
    for (let i = 0; i < 1200; i++) response.write(chunk); // about 1.2 MB, streamed without a length, over the 1 MB limit given
    response.end();
  });
  server.route('/changing', (_, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(newsPage('Live', [`Version ${version} of the page.`])),
  );
});
afterAll(() => server.close());

describe('npm run sources', () => {
  it('records every kind of page in the lock file, and a second run leaves it byte for byte', async () => {
    const dir = project();
    const args = ['--timeout', '1', '--max-bytes', '1000000']; // a second for the source that never answers, on a local server
    const first = await sources(dir, args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const lockFile = join(dir, 'content/sources/fixture-article.lock.json');
    const text = readFileSync(lockFile, 'utf8');
    const lock = JSON.parse(text);
    expect(Object.keys(lock)).toEqual(['article', 'sources']);
    expect(lock.article).toBe('fixture-article');
    expect(Object.keys(lock.sources)).toEqual([...SOURCES.map(([id]) => id)].sort());
    const entry = (id: string) => lock.sources[id];
    const url = (path: string) => `${server.origin}${path}`;

    expect(Object.keys(entry('curly'))).toEqual([
      'url',
      'finalUrl',
      'redirects',
      'httpStatus',
      'contentType',
      'error',
      'checked',
      'textSha256',
      'changedSince',
      'quote',
      'quoteScore',
      'archive',
      'failures',
      'firstFailure',
      'dead',
    ]);
    expect(entry('curly')).toMatchObject({
      httpStatus: 200,
      contentType: 'text/html',
      quote: 'normalized',
      quoteScore: 1,
      dead: false,
      failures: 0,
    });
    expect(entry('curly').checked).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(entry('curly').textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry('no-quote')).toMatchObject({ httpStatus: 200, quote: 'missing' });
    expect(entry('no-quote').quoteScore).toBeLessThan(0.9);
    expect(entry('redirected')).toMatchObject({
      url: url('/redirect/1'),
      finalUrl: url('/final'),
      redirects: [
        { status: 301, to: url('/redirect/2') },
        { status: 302, to: url('/final') },
      ],
      httpStatus: 200,
      quote: 'exact',
    });
    for (const [id, code] of [
      ['gone-404', 404],
      ['gone-410', 410],
      ['server-error', 500],
    ] as const) {
      expect(entry(id)).toMatchObject({
        httpStatus: code,
        error: null,
        failures: 1,
        dead: false,
        quote: null,
        textSha256: null,
      });
      expect(entry(id).firstFailure).toBe(entry(id).checked);
    }
    expect(entry('slow')).toMatchObject({ httpStatus: null, error: 'timeout', failures: 1, dead: false });
    expect(entry('forbidden')).toMatchObject({ httpStatus: 403, failures: 0, dead: false, quote: null });
    expect(entry('russian')).toMatchObject({ httpStatus: 200, quote: 'exact', quoteScore: 1 });
    expect(entry('treaty-pdf')).toMatchObject({ httpStatus: 200, contentType: 'application/pdf', quote: 'exact' });
    expect(entry('oversized')).toMatchObject({ httpStatus: 200, error: 'too-large', quote: null, failures: 0 });
    expect(entry('changing')).toMatchObject({ httpStatus: 200, quote: 'none', quoteScore: null, changedSince: null });

    expect(first.stdout).toContain(
      `  no-quote (new): 200; quote MISSING (closest passage ${entry('no-quote').quoteScore} similar)\n`,
    );
    expect(first.stdout).toContain(
      '  gone-404 (new): 404, failed check 1 of 3 (a failure counts 3 days after the last one)\n',
    );
    expect(first.stdout).toMatch(
      /\n12 sources in 1 articles: 4 quotes found, 1 missing, 4 failing, 0 dead; 1 lock file written\.\n$/,
    );

    const second = await sources(dir, args);
    expect(second.status).toBe(0);
    expect(readFileSync(lockFile, 'utf8')).toBe(text);
    expect(second.stdout).toContain('-> content/sources/fixture-article.lock.json (unchanged)');

    version = 2;
    await sources(dir, args);
    const changed = JSON.parse(readFileSync(lockFile, 'utf8')).sources.changing;
    expect(changed.textSha256).not.toBe(entry('changing').textSha256);
    expect(changed.changedSince).toBe(changed.checked);
    expect(changed.changedSince).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("checks each claim's wording on the page of its first appearance, fetched once, recorded under the claim's id", async () => {
    const dir = project([
      ['curly', '/curly'],
      ['no-quote', '/no-quote'],
    ]);
    const file = join(dir, 'content/articles/fixture-article.md');
    const claims =
      'claims:\n' +
      `  - id: massive-sanctions\n    statement: The leaders threatened new and massive sanctions.\n    status: confirmed\n    appearances: [curly]\n    wording: 'the leaders warned that "new and massive" sanctions would be imposed'\n    sources: [no-quote]\n` +
      `  - id: rain\n    statement: It was sunny.\n    status: confirmed\n    appearances: [no-quote]\n    wording: It was sunny in Kyiv all week.\n    sources: [curly]\n` +
      'conclusion: One claim holds and one does not.\n';
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('---\n\n', `${claims}---\n\n`)
        .replace('citing curly.', 'citing curly. [@massive-sanctions] [@rain]'),
    );
    const before = server.requests.length;
    const run = await sources(dir, ['--timeout', '3']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'content/sources/fixture-article.lock.json'), 'utf8'));
    expect(Object.keys(lock.sources)).toEqual(['curly', 'massive-sanctions', 'no-quote', 'rain']);
    expect(lock.sources['massive-sanctions']).toMatchObject({
      url: `${server.origin}/curly`,
      httpStatus: 200,
      quote: 'normalized',
      quoteScore: 1,
    });
    expect(lock.sources.rain).toMatchObject({ url: `${server.origin}/no-quote`, httpStatus: 200, quote: 'missing' });
    expect(server.requests.slice(before).filter((request) => request.path === '/curly')).toHaveLength(1);
    const check = await promisify(execFile)(process.execPath, [join(ROOT, 'src/cli/check.ts'), 'content/articles'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(check.stdout).toBe(
      `content/articles/fixture-article.md:33:5  warning  quote-missing  The wording of claim "rain" was not found on ${server.origin}/no-quote, the page of its first appearance "no-quote" (checked ${lock.sources.rain.checked.slice(0, 10)}; the closest passage is ${Math.round(lock.sources.rain.quoteScore * 100)}% similar); copy it word for word from that page, then run npm run sources.\n`,
    );
  });

  it('reads many sources on worker threads, and exits when done', async () => {
    const many = Array.from({ length: 30 }, (_, n): [string, string, string] => [
      `curly-${n}`,
      `/curly?copy=${n}`,
      QUOTE,
    ]);
    const result = await sources(project(many), ['--timeout', '10']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /\n30 sources in 1 articles: 30 quotes found, 0 missing, 0 failing, 0 dead; 1 lock file written\.\n$/,
    );
  });

  it('sends a User-Agent that names the site', () => {
    const request = server.requests.find((item) => item.path === '/curly');
    expect(request?.headers['user-agent']).toMatch(/^SourcedSourceCheck\/1\.0 \(Sourced news explainers/);
  });

  it('exits 1 on an article with frontmatter errors, and 2 on a usage mistake', async () => {
    const dir = project();
    writeFileSync(join(dir, 'content/articles/broken.md'), '---\ntitle: [unclosed\n---\n');
    const result = await sources(dir, ['--timeout', '1', '--max-bytes', '1000000', 'content/articles/broken.md']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'content/articles/broken.md: its sources cannot be read until these errors are fixed (npm run check).',
    );
    expect((await sources(dir, ['--timeout', 'soon'])).status).toBe(2);
  });
});

describe('npm run sources -- --archive', () => {
  const ARCHIVED: [string, string, string?][] = [
    ['curly', '/curly', QUOTE],
    ['no-quote', '/no-quote', QUOTE],
    ['gone-404', '/gone-404', QUOTE],
  ];
  /** The Wayback Machine's two APIs as a local mock: one snapshot known at first, one capture that takes one poll. */
  function mockWayback(): { snapshots: Map<string, string> } {
    const snapshots = new Map([
      [`${server.origin}/curly`, `${server.origin}/web/20261120093000/${server.origin}/curly`],
    ]);
    server.route('/wayback/available', (request, response) => {
      const query = new URL(request.url!, server.origin).searchParams;
      const found = snapshots.get(query.get('url')!);
      const body = found
        ? {
            url: query.get('url'),
            archived_snapshots: {
              closest: { status: '200', available: true, url: found, timestamp: '20261120093000' },
            },
          }
        : { url: query.get('url'), archived_snapshots: {} };
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
    let polls = 0;
    server.route('/save', (request, response) => {
      if (request.headers.authorization !== 'LOW test-access:test-secret')
        return void response.writeHead(401).end('{}');
      const url = new URLSearchParams(requestBody(request)).get('url');
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ url, job_id: 'spn2-job-1' }));
    });
    server.route('/save/status/*', (_, response) => {
      polls++;
      if (polls === 1)
        return void response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"pending"}');
      snapshots.set(`${server.origin}/no-quote`, `${server.origin}/web/20261125120000/${server.origin}/no-quote`);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          status: 'success',
          job_id: 'spn2-job-1',
          timestamp: '20261125120000',
          original_url: `${server.origin}/no-quote`,
        }),
      );
    });
    return { snapshots };
  }
  const requestBody = (request: import('node:http').IncomingMessage) =>
    server.requests.findLast((item) => item.path === request.url)!.body;
  const env = (keys: boolean): Record<string, string> => ({
    WAYBACK_AVAILABILITY_URL: `${server.origin}/wayback/available`,
    WAYBACK_SAVE_URL: `${server.origin}/save`,
    WAYBACK_POLL_MS: '10',
    WAYBACK_SAVE_INTERVAL_MS: '0',
    WAYBACK_ACCESS_KEY: keys ? 'test-access' : '',
    WAYBACK_SECRET_KEY: keys ? 'test-secret' : '',
  });

  it('without keys, records found snapshots and submits nothing', async () => {
    mockWayback();
    const dir = project(ARCHIVED);
    const before = server.requests.length;
    const result = await sources(dir, ['--archive', '--timeout', '1'], env(false));
    expect(result.status).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'content/sources/fixture-article.lock.json'), 'utf8'));
    expect(lock.sources.curly.archive).toBe(`${server.origin}/web/20261120093000/${server.origin}/curly`);
    expect(lock.sources['no-quote'].archive).toBeNull();
    expect(result.stdout).toContain(
      '      archive: no snapshot; set WAYBACK_ACCESS_KEY and WAYBACK_SECRET_KEY to ask for one\n',
    );
    expect(server.requests.slice(before).filter((item) => item.path.startsWith('/save'))).toEqual([]);
  });

  it('finds a snapshot near the accessed date, else captures the page with Save Page Now and records what the archive returned', async () => {
    mockWayback();
    const dir = project(ARCHIVED);
    const before = server.requests.length;
    const result = await sources(dir, ['--archive', '--timeout', '1'], env(true));
    expect(result.status).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'content/sources/fixture-article.lock.json'), 'utf8'));
    expect(lock.sources.curly.archive).toBe(`${server.origin}/web/20261120093000/${server.origin}/curly`);
    expect(lock.sources['no-quote'].archive).toBe(`${server.origin}/web/20261125120000/${server.origin}/no-quote`);
    expect(lock.sources['gone-404'].archive).toBeNull();
    const calls = server.requests.slice(before).filter((item) => /^\/(save|wayback)/.test(item.path));
    expect(
      calls.find((item) => item.path.startsWith('/wayback/available?url=') && item.path.includes('curly'))?.path,
    ).toContain('timestamp=20261120');
    const saves = calls.filter((item) => item.path === '/save');
    expect(saves.map((item) => [item.method, new URLSearchParams(item.body).get('url')])).toEqual([
      ['POST', `${server.origin}/no-quote`],
    ]);
    expect(calls.filter((item) => item.path.startsWith('/save/status/spn2-job-1')).length).toBe(2);
    expect(result.stdout).toContain('      archive: captured now\n');
    expect(result.stdout).toContain('      archive: no snapshot, and the page does not answer\n');
  });
});
