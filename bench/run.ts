#!/usr/bin/env node
/**
 * `npm run bench [-- --articles 1000 --seed 1 --json bench/results/latest.json --no-baseline --keep]`
 *
 * Generates synthetic explainers in a temporary folder, then measures, in one run: the checker
 * alone with an empty check cache and again with a warm one; a cold `npm run build` (fresh caches
 * and output folder: the loader's checks, Astro, the report, Pagefind), as users run it; a warm
 * rebuild after editing one article; the peak memory of each; and the first explainer's page weight (HTML and CSS, raw and gzip, its content and its markup; and
 * any JavaScript). It builds the same folder with the plain Astro + unified site in bench/baseline/
 * (`astro build`, in a copy of that project whose caches are kept from its cold build to its warm
 * rebuild, as a user's would be) and prints each figure beside the baseline's, with the ratio. It
 * also runs markdownlint-cli2 over the same files and prints our cold check beside it. Writes the
 * figures as JSON.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticles } from './generate.ts';
import { generateHistoryRepo } from './history-repo.ts';
import { weighBuiltPage } from './page-weight.ts';
import type { SearchIndexFigures, ShardFigures } from '../src/publishing/search-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BASELINE = join(ROOT, 'bench/baseline');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** The module `npm run build` indexes the site with: the bench indexes the same way. */
const SEARCH_INDEX = pathToFileURL(join(ROOT, 'src/publishing/search-index.ts')).href;
const FIRST_EXPLAINER = join(ROOT, 'content/articles/zelensky-invites-putin-to-turkiye.md');
const GNU_TIME = '/usr/bin/time';
/** markdownlint-cli2, the fastest Markdown checker an editor would otherwise run over the same files. */
const MARKDOWNLINT = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

const USAGE = `Usage: npm run bench -- [--articles N] [--seed N] [--heap MB] [--json FILE] [--no-baseline] [--no-checker] [--history N [--silent-edits]] [--search] [--cold-runs N] [--warm-runs N] [--claimants] [--keep]
  --articles N   how many explainers to generate (default 1000; the first is the real first explainer)
  --seed N       seed of the synthetic explainers (default 1)
  --heap MB      V8 heap limit of the baseline build, as npm run build sets it for ours (default 8192; 0 for Node's default)
  --json FILE    where to write the figures (default bench/results/latest.json)
  --no-baseline  skip the plain Astro baseline builds
  --no-checker   skip the runs of npm run check alone (the builds check all the same)
  --silent-edits with --history: date the commits after the explainers' updated dates, so that every
                 explainer gets unannounced-change warnings (the worst case)
  --history N    also build the same explainers from a git repository in which each has N revisions,
                 cold, and compare with the cold build outside git (the cost of the history pages)
  --search       also index our cold build with Pagefind, as npm run build does (in shards of
                 SOURCED_SEARCH_SHARD_SIZE article pages, when set), and weigh the index
  --cold-runs N  cold builds of each site, taken in turns (baseline, ours, baseline, ...); the median
                 counts (default 3: one busy moment of a shared machine moves a single run by 20%)
  --warm-runs N  warm rebuilds of each site, after the last cold ones, taken in turns, each after one
                 more edit of the same article; the median counts (default 3)
  --claimants    give every claim a claimant, so that every claim has a page and a share image
  --keep         keep the temporary folder (articles, outputs, logs)`;

/** One timed run of a command. */
export interface Run {
  seconds: number;
  /** Largest resident set of any process of the run, in MB. */
  peakMB: number;
  status: number | null;
  /** The run's output, when the temporary folder is kept (--keep). */
  log: string | null;
}

/** The weight of one built page. */
export interface PageBytes {
  htmlRaw: number;
  htmlGzip: number;
  cssRaw: number;
  cssGzip: number;
  /** HTML + CSS, gzip. */
  totalGzip: number;
  /** Script bytes the page loads or inlines (JSON-LD data blocks are not script). */
  js: number;
  /** The page's content alone (its distinct texts and addresses), gzip. */
  contentGzip: number;
  /** `totalGzip` (with `js`) minus `contentGzip`: the markup, whose budget is 8 KB. */
  markupGzip: number;
}

/** The files of a built site. */
export interface OutputFigures {
  files: number;
  bytes: number;
  /** The largest file, relative to the output folder, and its size. */
  largest: { path: string; bytes: number };
}

/** Pagefind's indexing of the cold build, and what the search page loads before a query. */
export interface SearchFigures {
  /** The whole indexing step, every shard; its peak is the largest process's, Pagefind's or Node's. */
  index: Run;
  /** Each bundle: its folder, its article pages and the peak memory of the Pagefind process that built it. */
  shards: ShardFigures[];
  /** All the bundles' files. */
  files: number;
  bytes: number;
  /** The manifest, and the first bundle's pagefind-entry.json, search code and WebAssembly, and each bundle's entry and metadata file, raw. */
  pageLoadBytes: number;
}

/** A site's build figures. */
export interface BuildFigures {
  /** The median of the cold builds (`--cold-runs`), with the seconds of each run in the order they ran, and the largest peak of any. */
  cold: Run & { runs?: number[] };
  /** The median of the warm rebuilds (`--warm-runs`), each after one more edit of the same article, with the seconds of each run, and the largest peak of any. */
  warm: Run & { runs?: number[] };
  /** Articles rendered again by the warm rebuild, when the loader reports it. */
  warmRendered: number | null;
  page: PageBytes;
  output?: OutputFigures;
  search?: SearchFigures | null;
}

/** What the benchmark writes to its JSON file. */
export interface BenchResult {
  date: string;
  node: string;
  machine: { cpus: number; memoryGB: number };
  articles: number;
  seed: number;
  /** V8 heap limit given to the builds, in MB; 0 for Node's default. */
  heapMB: number;
  /** The median of the checker's runs with an empty check cache, with the seconds of each run. */
  checker: (Run & { articlesPerSecond: number; runs: number[] }) | null;
  /** The median of the checker's runs over the cache the cold runs filled, with the seconds of each run (null with --no-checker). */
  warmChecker: (Run & { runs: number[] }) | null;
  /**
   * The median of markdownlint-cli2's runs over the same files (its default rules), taken in turns
   * with the checker's cold runs, and our cold check's time divided by it (null with --no-checker).
   */
  markdownlint: (Run & { runs: number[]; ratio: number }) | null;
  ours: BuildFigures;
  baseline: BuildFigures | null;
  /** Ours divided by the baseline; above 1 means slower or heavier. */
  ratios: Record<string, number> | null;
  /** A cold build of the same explainers from a repository with `revisions` revisions of each. */
  history: { revisions: number; cold: Run; historyPages: number; ratio: number } | null;
}

/**
 * Runs `node <args>` and measures its wall time and peak memory: GNU time's "Maximum resident set
 * size" when /usr/bin/time exists, else the largest VmHWM polled from /proc.
 */
function measure(args: string[], env: Record<string, string>, logFile: string, cwd = ROOT): Promise<Run> {
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const commandArgs = useTime ? ['-v', process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    // Streamed to the log as it comes, so that a long build can be followed with tail -f.
    const log = createWriteStream(logFile);
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let polledKB = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            polledKB = Math.max(polledKB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
          } catch {
            // The process has just ended.
          }
        }, 50);
    child.on('error', fail);
    child.on('close', (status) => {
      if (poll) clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      log.end(() => {
        const timeKB = Number(
          /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? 0,
        );
        done({
          seconds: round(seconds, 2),
          peakMB: Math.round((useTime ? timeKB : polledKB) / 1024),
          status,
          log: logFile,
        });
      });
    });
  });
}

/** How many times the checker runs; its median run is reported. */
const CHECKER_RUNS = 3;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The bytes of a built page and of the CSS and scripts it links to, measured as docs/reading.md defines them. */
function pageBytes(outDir: string, slug: string): PageBytes {
  const weight = weighBuiltPage(outDir, `articles/${slug}/`);
  return {
    htmlRaw: weight.html.raw,
    htmlGzip: weight.html.gzip,
    cssRaw: weight.css.raw,
    cssGzip: weight.css.gzip,
    totalGzip: weight.total,
    js: weight.js,
    contentGzip: weight.content.gzip,
    markupGzip: weight.markup,
  };
}

/** Every file under `dir`: how many, their total size and the largest. */
function outputFigures(dir: string): OutputFigures {
  let files = 0;
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const size = statSync(full).size;
    files++;
    bytes += size;
    if (size > largest.bytes) largest = { path: full.slice(dir.length + 1), bytes: size };
  }
  return { files, bytes, largest };
}

/** Indexes a built site with Pagefind, as `npm run build` does (the same module, in a process of its own), and weighs the index. */
async function searchFigures(outDir: string, logFile: string): Promise<SearchFigures> {
  const script = [
    `import { indexSiteForSearch, searchShardSize } from ${JSON.stringify(SEARCH_INDEX)};`,
    'const figures = await indexSiteForSearch(process.argv[1], { shardSize: searchShardSize(), log: (line) => console.log(line) });',
    'console.log(`Search figures: ${JSON.stringify(figures)}`);',
  ].join('\n');
  // `npm run build` has indexed the site already; the step is timed again alone, from no index.
  for (const name of readdirSync(outDir))
    if (/^pagefind(-\d+)?$/.test(name)) rmSync(join(outDir, name), { recursive: true });
  const index = await measure(['--input-type=module', '-e', script, outDir], {}, logFile);
  if (index.status !== 0) throw new Error(`Indexing for search failed (exit ${index.status}); see ${index.log}`);
  const figures = /^Search figures: (.*)$/m.exec(readFileSync(logFile, 'utf8'))?.[1];
  if (!figures) throw new Error(`Indexing for search gave no figures; see ${index.log}`);
  const { shards } = JSON.parse(figures) as SearchIndexFigures;
  let files = 0;
  let bytes = 0;
  let pageLoadBytes = 0;
  for (const [number, shard] of shards.entries()) {
    const dir = join(outDir, shard.bundle);
    const weighed = outputFigures(dir);
    files += weighed.files;
    bytes += weighed.bytes;
    const loaded = readdirSync(dir).filter(
      (name) =>
        name === 'pagefind-entry.json' ||
        name.endsWith('.pf_meta') ||
        (number === 0 && (name === 'shards.json' || /^pagefind(-ui)?\.(js|css)$|^wasm\.en\.pagefind$/.test(name))),
    );
    pageLoadBytes += loaded.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  }
  return { index, shards, files, bytes, pageLoadBytes };
}

/** `npm run build`'s script into `outDir` (it sets its own heap limit, 8192 MB). */
const buildCommand = (outDir: string): string[] => [join(ROOT, 'src/cli/build.ts'), '--out-dir', outDir];

/** Edits one article's body, as an editor fixing a sentence would: `original` with a sentence that names the `run`. */
function editArticle(file: string, original: string, run: number): void {
  writeFileSync(file, `${original.trimEnd()}\n\nAn editor added this sentence before warm rebuild ${run}.\n`);
}

/** The median of several runs (the one in the middle by time), with the seconds of each run in the order given. */
const medianOf = (runs: Run[]) => ({
  ...[...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!,
  runs: runs.map((run) => run.seconds),
});

/**
 * The baseline's project, copied into `dir` (its config and its pages): a site of its own, as a
 * user's would be, whose every cache (Astro's data store in its cache folder, `.astro/`, Vite's
 * `node_modules/.vite/`) stays in it from one build to the next and is shared with no other build.
 * Its packages resolve from the project's node_modules, a parent folder of `dir`.
 */
function baselineSite(dir: string): string {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    for (const entry of ['astro.config.mjs', 'src'])
      cpSync(join(BASELINE, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/** The command and environment of a build of `name` into `work/<folder>/`, with caches of its own there. */
function buildOf(
  root: string,
  work: string,
  folder: string,
  articles: string,
  heapMB: number,
): { args: string[]; env: Record<string, string>; outDir: string } {
  const outDir = join(work, folder, 'dist');
  mkdirSync(join(work, folder), { recursive: true });
  // Ours is built as users build it, with `npm run build` (the content loader's checks, Astro, the
  // report, Pagefind); the baseline with a plain `astro build`, in a copy of its project of its own:
  // a cold build starts from a new copy, the warm rebuild runs in the copy its cold build left.
  const args =
    root === ROOT
      ? buildCommand(outDir)
      : [
          ...(heapMB > 0 ? [`--max-old-space-size=${heapMB}`] : []),
          ASTRO,
          'build',
          '--root',
          baselineSite(join(work, folder, 'site')),
          '--outDir',
          outDir,
        ];
  // A cold build starts with empty caches, Astro's and the checker's alike.
  const env = {
    SOURCED_ARTICLES_DIR: articles,
    SOURCED_CACHE_DIR: join(work, folder, 'cache'),
    SOURCED_CHECK_CACHE_DIR: join(work, folder, 'check-cache'),
  };
  return { args, env, outDir };
}

/** Runs one build, timed; a build that fails stops the bench, naming its log. */
async function timedBuild(what: string, args: string[], env: Record<string, string>, log: string): Promise<Run> {
  const run = await measure(args, env, log);
  if (run.status !== 0) throw new Error(`The ${what} failed (exit ${run.status}); see ${run.log}`);
  return run;
}

/** The median of several runs, with the largest peak memory of any of them. */
const medianRun = (runs: Run[]) => ({ ...medianOf(runs), peakMB: Math.max(...runs.map((run) => run.peakMB)) });

/** One cold build of `name` that only counts for its time and memory (`--cold-runs`): its folder is deleted after. */
async function extraColdBuild(
  name: string,
  root: string,
  work: string,
  articles: string,
  heapMB: number,
  run: number,
  runs: number,
): Promise<Run> {
  const folder = `${name}-cold-${run}`;
  const { args, env } = buildOf(root, work, folder, articles, heapMB);
  process.stderr.write(`  ${name}: cold build, run ${run} of ${runs}...\n`);
  const cold = await timedBuild(`${name} cold build`, args, env, join(work, `${folder}.log`));
  rmSync(join(work, folder), { recursive: true, force: true });
  return cold;
}

async function buildSite(
  name: string,
  root: string,
  work: string,
  articles: string,
  slug: string,
  heapMB: number,
  search = false,
  earlier: Run[] = [],
): Promise<Omit<BuildFigures, 'warm' | 'warmRendered'>> {
  const { args, env, outDir } = buildOf(root, work, name, articles, heapMB);
  const runs = earlier.length + 1;
  process.stderr.write(`  ${name}: cold build${runs > 1 ? `, run ${runs} of ${runs}` : ''}...\n`);
  const last = await timedBuild(`${name} cold build`, args, env, join(work, name, 'cold.log'));
  const cold = medianRun([...earlier, last]);
  const page = pageBytes(outDir, slug);
  const output = outputFigures(outDir);
  let searched: SearchFigures | null = null;
  if (search) {
    process.stderr.write(`  ${name}: search index...\n`);
    searched = await searchFigures(outDir, join(work, name, 'pagefind.log'));
  }
  return { cold, page, output, search: searched };
}

/** One warm rebuild of `name`, in the folder (and with the caches) its last cold build left. */
async function warmBuild(
  name: string,
  root: string,
  work: string,
  articles: string,
  heapMB: number,
  run: number,
  runs: number,
): Promise<{ warm: Run; rendered: number | null }> {
  const { args, env } = buildOf(root, work, name, articles, heapMB);
  process.stderr.write(`  ${name}: warm rebuild after one edit, run ${run} of ${runs}...\n`);
  const log = join(work, name, `warm-${run}.log`);
  const warm = await timedBuild(`${name} warm build`, args, env, log);
  const rendered = /(\d+) articles? rendered, \d+ unchanged/.exec(readFileSync(log, 'utf8'))?.[1];
  return { warm, rendered: rendered === undefined ? null : Number(rendered) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The figures as a table: one row per figure, with ours, the baseline's and the ratio. */
export function formatTable(result: BenchResult): string {
  const { ours, baseline, checker } = result;
  const rows: [string, string, string, string][] = [['', 'Sourced', 'baseline', 'ratio']];
  const row = (label: string, mine: string, theirs: string | null | undefined, ratio: number | undefined) =>
    rows.push([label, mine, theirs ?? '-', ratio === undefined ? '-' : `${ratio.toFixed(2)}x`]);
  const r = result.ratios ?? {};
  if (checker && result.warmChecker) {
    row(
      `Checker, ${result.articles} articles (median of ${checker.runs.length} runs)`,
      `${checker.seconds.toFixed(2)} s (${Math.round(checker.articlesPerSecond)}/s)`,
      undefined,
      undefined,
    );
    row('Checker peak memory', `${checker.peakMB} MB`, undefined, undefined);
    row(
      `Checker with a warm cache (median of ${result.warmChecker.runs.length} runs)`,
      `${result.warmChecker.seconds.toFixed(2)} s, ${result.warmChecker.peakMB} MB`,
      undefined,
      undefined,
    );
  }
  if (checker && result.markdownlint) {
    const lint = result.markdownlint;
    row(
      `Checker (empty cache) vs. markdownlint-cli2 (median of ${lint.runs.length} runs)`,
      `${checker.seconds.toFixed(2)} s`,
      `${lint.seconds.toFixed(2)} s, ${lint.peakMB} MB`,
      lint.ratio,
    );
  }
  const coldRuns = ours.cold.runs?.length ?? 1;
  row(
    `Cold build${coldRuns > 1 ? ` (median of ${coldRuns} runs)` : ''}`,
    `${ours.cold.seconds.toFixed(2)} s`,
    baseline && `${baseline.cold.seconds.toFixed(2)} s`,
    r.coldBuild,
  );
  row('Cold build peak memory', `${ours.cold.peakMB} MB`, baseline && `${baseline.cold.peakMB} MB`, r.coldPeak);
  const warmRuns = ours.warm.runs?.length ?? 1;
  row(
    `Warm rebuild, one article edited${warmRuns > 1 ? ` (median of ${warmRuns} runs)` : ''}`,
    `${ours.warm.seconds.toFixed(2)} s`,
    baseline && `${baseline.warm.seconds.toFixed(2)} s`,
    r.warmBuild,
  );
  row('Warm rebuild peak memory', `${ours.warm.peakMB} MB`, baseline && `${baseline.warm.peakMB} MB`, r.warmPeak);
  row(
    'Articles rendered by the rebuild',
    String(ours.warmRendered ?? '?'),
    baseline ? String(baseline.warmRendered ?? 'n/a') : undefined,
    undefined,
  );
  row(
    'First explainer: HTML raw / gzip',
    `${kb(ours.page.htmlRaw)} / ${kb(ours.page.htmlGzip)}`,
    baseline && `${kb(baseline.page.htmlRaw)} / ${kb(baseline.page.htmlGzip)}`,
    r.htmlGzip,
  );
  row(
    'First explainer: CSS raw / gzip',
    `${kb(ours.page.cssRaw)} / ${kb(ours.page.cssGzip)}`,
    baseline && `${kb(baseline.page.cssRaw)} / ${kb(baseline.page.cssGzip)}`,
    undefined,
  );
  row('First explainer: HTML + CSS gzip', kb(ours.page.totalGzip), baseline && kb(baseline.page.totalGzip), r.pageGzip);
  row('First explainer: JavaScript', `${ours.page.js} B`, baseline && `${baseline.page.js} B`, undefined);
  row('First explainer: content gzip', kb(ours.page.contentGzip), baseline && kb(baseline.page.contentGzip), undefined);
  row(
    'First explainer: markup gzip (budget: 5 KB + 40 B a citation, 60 B a source, 80 B a claim)',
    kb(ours.page.markupGzip),
    baseline && kb(baseline.page.markupGzip),
    undefined,
  );
  if (result.history) {
    const { revisions, cold, ratio } = result.history;
    row(
      `Cold build with history (${revisions} revisions each), vs. without`,
      `${cold.seconds.toFixed(2)} s, ${cold.peakMB} MB`,
      `${ours.cold.seconds.toFixed(2)} s`,
      ratio,
    );
  }
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  if (ours.output) {
    row(
      'Output: files, total',
      `${ours.output.files} files, ${mb(ours.output.bytes)}`,
      baseline?.output && `${baseline.output.files} files, ${mb(baseline.output.bytes)}`,
      undefined,
    );
    row(
      'Output: largest file',
      `${ours.output.largest.path} ${mb(ours.output.largest.bytes)}`,
      baseline?.output && `${mb(baseline.output.largest.bytes)}`,
      undefined,
    );
  }
  if (ours.search) {
    const { index, shards } = ours.search;
    row(
      'Search index (Pagefind), whole step',
      `${index.seconds.toFixed(2)} s, ${index.peakMB} MB`,
      undefined,
      undefined,
    );
    row(
      `Search index: bundles (${shards.length === 1 ? '1 shard' : `${shards.length} shards`}), article pages each`,
      `${shards.length}, ${[...new Set(shards.map((shard) => shard.pages))].join(' / ')}`,
      undefined,
      undefined,
    );
    row('Search index: files, total', `${ours.search.files} files, ${mb(ours.search.bytes)}`, undefined, undefined);
    row('Search page: index files loaded before a query', kb(ours.search.pageLoadBytes), undefined, undefined);
  }
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  return rows
    .map((cells, index) => {
      const line = `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
      return index === 0
        ? `${line}\n|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 2)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`
        : line;
    })
    .join('\n');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        heap: { type: 'string', default: '8192' },
        json: { type: 'string', default: join(ROOT, 'bench/results/latest.json') },
        'no-baseline': { type: 'boolean', default: false },
        'no-checker': { type: 'boolean', default: false },
        'silent-edits': { type: 'boolean', default: false },
        history: { type: 'string', default: '0' },
        search: { type: 'boolean', default: false },
        'cold-runs': { type: 'string', default: '3' },
        'warm-runs': { type: 'string', default: '3' },
        claimants: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = Number(values.articles);
  const seed = Number(values.seed);
  const heapMB = Number(values.heap);
  const revisions = Number(values.history);
  const coldRuns = Number(values['cold-runs']);
  const warmRuns = Number(values['warm-runs']);
  if (
    !Number.isInteger(count) ||
    count < 2 ||
    !Number.isInteger(seed) ||
    !Number.isInteger(heapMB) ||
    heapMB < 0 ||
    !Number.isInteger(revisions) ||
    revisions < 0 ||
    !Number.isInteger(coldRuns) ||
    coldRuns < 1 ||
    !Number.isInteger(warmRuns) ||
    warmRuns < 1
  ) {
    process.stderr.write(
      `--articles must be a whole number of at least 2, --cold-runs and --warm-runs at least 1, --seed, --heap and --history whole numbers.\n${USAGE}\n`,
    );
    process.exit(2);
  }

  // Astro writes its prerender chunks to <outDir>/.prerender/ only when the output folder is inside
  // the working folder (else to the project's shared .astro/, where other builds would clobber them),
  // and those chunks must resolve the project's node_modules: so the bench works under node_modules/.cache.
  const cacheRoot = join(ROOT, 'node_modules/.cache/sourced-bench');
  mkdirSync(cacheRoot, { recursive: true });
  const work = mkdtempSync(join(cacheRoot, 'run-'));
  const articles = join(work, 'articles');
  process.stderr.write(`Generating ${count} explainers in ${articles}...\n`);
  const slugs = generateArticles(articles, count, seed, FIRST_EXPLAINER, { claimants: values.claimants });
  const first = slugs[0]!;
  // Baseline and ours each see the same edit of the same synthetic article before their warm rebuild.
  const edited = join(articles, `${slugs[Math.floor(count / 2)]!}.md`);
  const original = readFileSync(edited, 'utf8');

  // A check of 1,000 articles takes about a second, in which one busy moment of a shared machine
  // weighs heavily: the checker runs three times and the median run counts. Each cold run gets an
  // empty check cache of its own; the warm runs then check again over the last one's cache.
  const checkRuns = async (
    label: string,
    cacheOf: (run: number) => string,
    after?: (run: number) => Promise<void>,
  ): Promise<Run[]> => {
    const runs: Run[] = [];
    for (let run = 1; run <= CHECKER_RUNS; run++) {
      process.stderr.write(`${label}, run ${run} of ${CHECKER_RUNS}...\n`);
      const env = { SOURCED_CHECK_CACHE_DIR: cacheOf(run) };
      const checked = await measure(
        [join(ROOT, 'src/cli/check.ts'), articles],
        env,
        join(work, `${label.replace(/\W+/g, '-')}-${run}.log`),
      );
      if (checked.status !== 0)
        throw new Error(`The checker found errors in the generated articles; see ${checked.log}`);
      runs.push(checked);
      await after?.(run);
    }
    return runs;
  };
  // markdownlint-cli2 over the same files, each run right after one of the checker's cold runs. It
  // exits 1 when its rules find something (the generated files break a few of its style rules), 2 on
  // a failure of its own.
  const lints: Run[] = [];
  const lintRun = async (run: number) => {
    process.stderr.write(`markdownlint-cli2, run ${run} of ${CHECKER_RUNS}...\n`);
    const linted = await measure([MARKDOWNLINT, '**/*.md'], {}, join(work, `markdownlint-${run}.log`), articles);
    if (linted.status !== 0 && linted.status !== 1)
      throw new Error(`markdownlint-cli2 failed (exit ${linted.status}); see ${linted.log}`);
    lints.push(linted);
  };
  let checker: BenchResult['checker'] = null;
  let warmChecker: BenchResult['warmChecker'] = null;
  let markdownlint: BenchResult['markdownlint'] = null;
  if (!values['no-checker']) {
    const median = medianOf(await checkRuns('Checker', (run) => join(work, `check-cache-${run}`), lintRun));
    checker = { ...median, articlesPerSecond: round(count / median.seconds, 1) };
    warmChecker = medianOf(
      await checkRuns('Checker with a warm cache', () => join(work, `check-cache-${CHECKER_RUNS}`)),
    );
    const lint = medianOf(lints);
    markdownlint = { ...lint, ratio: round(median.seconds / lint.seconds, 2) };
  }

  // The cold builds but the last of each site only count for the median, taken in turns so that a
  // slow spell of the machine weighs on both sites alike; the last ones also give the warm rebuilds.
  const earlier: { baseline: Run[]; ours: Run[] } = { baseline: [], ours: [] };
  for (let run = 1; run < coldRuns; run++) {
    if (!values['no-baseline'])
      earlier.baseline.push(await extraColdBuild('baseline', BASELINE, work, articles, heapMB, run, coldRuns));
    earlier.ours.push(await extraColdBuild('ours', ROOT, work, articles, heapMB, run, coldRuns));
  }
  const baselineCold = values['no-baseline']
    ? null
    : await buildSite('baseline', BASELINE, work, articles, first, heapMB, false, earlier.baseline);
  const oursCold = await buildSite('ours', ROOT, work, articles, first, heapMB, values.search, earlier.ours);
  // The warm rebuilds, also in turns: before each pair, the same article gets one more edit, so
  // that each site's rebuild follows its last build by that one edit.
  const warm: { baseline: Run[]; ours: Run[] } = { baseline: [], ours: [] };
  const warmRendered: { baseline: number | null; ours: number | null } = { baseline: null, ours: null };
  for (let run = 1; run <= warmRuns; run++) {
    editArticle(edited, original, run);
    if (baselineCold) {
      const { warm: next, rendered } = await warmBuild('baseline', BASELINE, work, articles, heapMB, run, warmRuns);
      warm.baseline.push(next);
      warmRendered.baseline = rendered;
    }
    const { warm: next, rendered } = await warmBuild('ours', ROOT, work, articles, heapMB, run, warmRuns);
    warm.ours.push(next);
    warmRendered.ours = rendered;
  }
  writeFileSync(edited, original);
  const baseline: BuildFigures | null = baselineCold && {
    ...baselineCold,
    warm: medianRun(warm.baseline),
    warmRendered: warmRendered.baseline,
  };
  const ours: BuildFigures = { ...oursCold, warm: medianRun(warm.ours), warmRendered: warmRendered.ours };

  let history: BenchResult['history'] = null;
  if (revisions > 0) {
    process.stderr.write(`Generating a repository with ${revisions} revisions of each explainer...\n`);
    const repoArticles = generateHistoryRepo(articles, join(work, 'repo'), revisions, {
      silentEdits: values['silent-edits'],
    });
    process.stderr.write('  history: cold build...\n');
    const outDir = join(work, 'history', 'dist');
    mkdirSync(join(work, 'history'), { recursive: true });
    const cold = await timedBuild(
      'cold build with history',
      buildCommand(outDir),
      {
        SOURCED_ARTICLES_DIR: repoArticles,
        SOURCED_CACHE_DIR: join(work, 'history', 'cache'),
        SOURCED_CHECK_CACHE_DIR: join(work, 'history', 'check-cache'),
      },
      join(work, 'history', 'cold.log'),
    );
    const historyPages = readdirSync(join(outDir, 'articles'), { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && existsSync(join(outDir, 'articles', entry.name, 'history/index.html')),
    ).length;
    history = { revisions, cold, historyPages, ratio: round(cold.seconds / ours.cold.seconds, 2) };
  }

  const ratio = (mine: number, theirs: number) => round(mine / theirs, 2);
  const result: BenchResult = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) },
    articles: count,
    seed,
    heapMB,
    checker,
    warmChecker,
    markdownlint,
    ours,
    baseline,
    ratios: baseline && {
      coldBuild: ratio(ours.cold.seconds, baseline.cold.seconds),
      coldPeak: ratio(ours.cold.peakMB, baseline.cold.peakMB),
      warmBuild: ratio(ours.warm.seconds, baseline.warm.seconds),
      warmPeak: ratio(ours.warm.peakMB, baseline.warm.peakMB),
      htmlGzip: ratio(ours.page.htmlGzip, baseline.page.htmlGzip),
      pageGzip: ratio(ours.page.totalGzip, baseline.page.totalGzip),
    },
    history,
  };
  if (!values.keep)
    for (const run of [
      checker,
      warmChecker,
      markdownlint,
      ours.cold,
      ours.warm,
      ours.search?.index,
      baseline?.cold,
      baseline?.warm,
      history?.cold,
    ])
      if (run) run.log = null;
  mkdirSync(dirname(resolve(values.json)), { recursive: true });
  writeFileSync(resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${formatTable(result)}\n`);
  process.stderr.write(
    `Figures written to ${values.json}${values.keep ? `; articles, outputs and logs kept in ${work}` : ''}.\n`,
  );
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

await main();
