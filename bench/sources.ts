#!/usr/bin/env node
/**
 * `npm run bench:sources [-- --sources 1000 --articles 1000 --runs 3 --json bench/results/sources.json]`
 *
 * Two figures for the source lock (docs/sources.md):
 * 1. `npm run sources` over N sources (20 per article) served by a local server on 127.0.0.1, all
 *    from one host (the worst case for the limit of 2 requests at a time per host): news pages of
 *    about 10 KB whose quotes are found word for word, after normalising, nearly, or not at all.
 *    Target: 1,000 sources in at most 60 s.
 * 2. `npm run check` over the synthetic explainers of bench/generate.ts without lock files, then
 *    with a lock file for every article; runs alternate, and the medians are compared.
 *    Target: with locks within 10% of without.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkArticle } from '../src/checker/check-article.ts';
import { serializeLock, type LockEntry } from '../src/sources/lock.ts';
import { generateArticles } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIRST_EXPLAINER = join(ROOT, 'content/articles/zelensky-invites-putin-to-turkiye.md');

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '1000' },
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string', default: 'bench/results/sources.json' },
  },
});
const SOURCES = Number(values.sources);
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const PER_ARTICLE = 20;

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const WORDS =
  'ceasefire talks minister delegation statement sanctions energy banking leaders kyiv moscow istanbul president agreement proposal weapons prisoners exchange summit council security border region officials week monday report'.split(
    ' ',
  );

/** Page n: a news page of about 10 KB, and the quote an article takes from it. */
function page(n: number): { html: string; quote: string } {
  const next = random(n + 1);
  const sentence = () => {
    const words = Array.from({ length: 12 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return `${words
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase())
      .replace(/ (\w+) (\w+) /, ' $1, $2 ')}.`;
  };
  const paragraphs = Array.from({ length: 14 }, () => Array.from({ length: 4 }, sentence).join(' '));
  const quoted = paragraphs[7]!.split('. ')[1]!.replace(/\.?$/, '.');
  const kind = n % 20;
  // 14 in 20 word for word, 3 with curly quotes and other case, 2 with a dropped comma, 1 missing.
  let quote = quoted;
  if (kind >= 14 && kind < 17) {
    paragraphs[7] = paragraphs[7]!.replace(quoted, `“${quoted.toUpperCase()}”`);
    quote = `"${quoted}"`;
  } else if (kind >= 17 && kind < 19) quote = quoted.replace(',', '');
  else if (kind === 19) quote = 'The summit was cancelled after the delegations failed to agree on an agenda.';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Report ${n}</title></head><body>
<header><nav>${WORDS.map((word) => `<a href="/${word}">${word}</a>`).join(' ')}</nav></header>
<main><article><h1>Report ${n}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article></main>
<footer>${'<p>About us. Contact. Terms. Privacy.</p>'.repeat(5)}</footer></body></html>`;
  return { html, quote };
}

const GNU_TIME = '/usr/bin/time';

/** Runs `node <args>`: wall time, and the CPU time (user + system, all threads) when GNU time is there. */
function run(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ seconds: number; cpuSeconds: number | null; status: number | null; output: string }> {
  const started = process.hrtime.bigint();
  const timed = existsSync(GNU_TIME);
  return new Promise((done) => {
    const child = timed
      ? spawn(GNU_TIME, ['-f', 'CPU %U %S', process.execPath, ...args], { cwd, env: { ...process.env, ...env } })
      : spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(output);
      if (cpu) output = output.slice(0, cpu.index);
      done({
        seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100,
        cpuSeconds: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 100) / 100 : null,
        status,
        output,
      });
    });
  });
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const work = mkdtempSync(join(tmpdir(), 'sourced-bench-sources-'));

// 1. npm run sources over SOURCES local pages.
const pages = Array.from({ length: SOURCES }, (_, n) => page(n));
const server = createServer((request, response) => {
  const n = Number(/^\/page\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
  if (!pages[n]) return void response.writeHead(404).end();
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[n].html);
});
await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const fetchDir = join(work, 'fetch');
mkdirSync(join(fetchDir, 'content/articles'), { recursive: true });
for (let a = 0; a * PER_ARTICLE < SOURCES; a++) {
  const ids = Array.from({ length: Math.min(PER_ARTICLE, SOURCES - a * PER_ARTICLE) }, (_, i) => a * PER_ARTICLE + i);
  const sources = ids
    .map(
      (n) =>
        `  - id: report-${n}\n    kind: news\n    publisher: Publisher ${n}\n    title: Report ${n}\n    url: ${origin}/page/${n}\n    accessed: 2026-11-20\n    quote: '${pages[n]!.quote.replace(/'/g, "''")}'\n`,
    )
    .join('');
  const body = ids.map((n) => `A sentence from report ${n}. [@report-${n}]`).join('\n\n');
  writeFileSync(
    join(fetchDir, `content/articles/bench-${String(a).padStart(3, '0')}.md`),
    `---\ntitle: Bench article ${a}\ndescription: Sources for the benchmark.\npublished: 2026-11-20\nauthors:\n  - sourced-newsroom\ntopics:\n  - diplomacy\nsources:\n${sources}---\n\n${body}\n`,
  );
}
const fetched = await run([join(ROOT, 'src/cli/sources.ts'), '--timeout', '30'], fetchDir);
server.close();
const summary = fetched.output.trim().split('\n').pop() ?? '';
if (fetched.status !== 0) throw new Error(`npm run sources failed:\n${fetched.output.slice(-2000)}`);
process.stdout.write(
  `npm run sources, ${SOURCES} local sources (one host): ${fetched.seconds} s (target <= 60 s), ${fetched.cpuSeconds ?? '?'} s of CPU\n  ${summary}\n`,
);

// 2. npm run check without and with lock files.
const checkDir = join(work, 'check');
const articlesDir = join(checkDir, 'content/articles');
const slugs = generateArticles(articlesDir, ARTICLES, 1, FIRST_EXPLAINER);
const lockFiles: [string, string][] = slugs.map((slug) => {
  const { article } = checkArticle(`${slug}.md`, readFileSync(join(articlesDir, `${slug}.md`), 'utf8'), {
    body: false,
  });
  const sources = Object.fromEntries(
    (article?.sources ?? []).map((source, i): [string, LockEntry] => [
      source.id,
      {
        url: source.url,
        finalUrl: source.url,
        redirects: [],
        httpStatus: 200,
        contentType: 'text/html',
        error: null,
        checked: '2026-11-25T10:00:00Z',
        textSha256: (i * 7919).toString(16).padStart(64, '0'),
        changedSince: null,
        quote: source.quote === undefined ? 'none' : 'exact',
        quoteScore: source.quote === undefined ? null : 1,
        archive: `https://web.archive.org/web/20261120000000/${source.url}`,
        failures: 0,
        firstFailure: null,
        dead: false,
      },
    ]),
  );
  return [join(checkDir, `content/sources/${slug}.lock.json`), serializeLock({ article: slug, sources })];
});
const without: number[] = [];
const withLocks: number[] = [];
const cpuWithout: number[] = [];
const cpuWith: number[] = [];
// Every run starts with an empty check cache, so that each one checks every article.
const check = () =>
  run([join(ROOT, 'src/cli/check.ts'), 'content/articles'], checkDir, {
    SOURCED_CHECK_CACHE_DIR: mkdtempSync(join(work, 'cache-')),
  });
for (let i = 0; i < RUNS; i++) {
  rmSync(join(checkDir, 'content/sources'), { recursive: true, force: true });
  const plain = await check();
  without.push(plain.seconds);
  if (plain.cpuSeconds !== null) cpuWithout.push(plain.cpuSeconds);
  for (const [file, text] of lockFiles) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const locked = await check();
  withLocks.push(locked.seconds);
  if (locked.cpuSeconds !== null) cpuWith.push(locked.cpuSeconds);
}
const ratio = Math.round((median(withLocks) / median(without)) * 1000) / 1000;
// On a shared machine the fastest runs are the least disturbed ones.
const fastestRatio = Math.round((Math.min(...withLocks) / Math.min(...without)) * 1000) / 1000;
process.stdout.write(
  `npm run check, ${ARTICLES} articles: ${median(without)} s without lock files, ${median(withLocks)} s with ${readdirSync(join(checkDir, 'content/sources')).length} (x${ratio}; target <= 1.10); fastest runs ${Math.min(...without)} s and ${Math.min(...withLocks)} s (x${fastestRatio}); CPU ${cpuWithout.length ? median(cpuWithout) : '?'} s and ${cpuWith.length ? median(cpuWith) : '?'} s\n`,
);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  sources: { count: SOURCES, seconds: fetched.seconds, cpuSeconds: fetched.cpuSeconds, summary },
  check: {
    articles: ARTICLES,
    withoutLocks: { median: median(without), runs: without },
    withLocks: { median: median(withLocks), runs: withLocks },
    ratio,
    fastestRatio,
    cpuSeconds: { without: cpuWithout, with: cpuWith },
  },
};
mkdirSync(dirname(resolve(ROOT, values.json!)), { recursive: true });
writeFileSync(resolve(ROOT, values.json!), `${JSON.stringify(result, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
