/**
 * Indexes one shard of the search index (search-index.ts) in a process of its own:
 * `node src/publishing/search-shard.ts` reads `{ siteDir, files, outputPath, bundle }` as JSON on
 * its standard input, indexes the pages `files` (paths relative to `siteDir`) with Pagefind's Node
 * API, writes the bundle to `outputPath`, and prints `{"peakMB": N}` (Pagefind's peak memory, or
 * null). On failure it prints `{"error": "<reason>"}` instead and exits with 1. Shards run in
 * processes of their own so that several can be indexed at once, one per core: Pagefind's Node
 * API has one Pagefind process per Node process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What the parent process sends. */
export interface ShardRequest {
  siteDir: string;
  /** Article pages, relative to `siteDir`, in the order to index them. */
  files: string[];
  outputPath: string;
  /** The bundle's folder, for messages (`pagefind-2/`). */
  bundle: string;
  /**
   * True while Astro is still writing the site: each page is then indexed as soon as it is
   * written whole (see `writtenPage`), and the process waits for the pages still to come.
   */
  follow?: boolean;
}

/**
 * The parts of an article page search leaves out: the page's furniture, which is the same words on
 * every explainer (a search for "close" or "accessed" would otherwise find them all), and what
 * the page repeats for browsers without popovers or for screen readers. What the explainer says
 * stays in: its text, claims and claimants, timeline, corrections, and each source's publisher,
 * title and quote. Class names as the components (src/components/) write them.
 */
export const EXCLUDED_FROM_SEARCH = [
  // The header's dates and reading time, and its evidence profile (counts of claims and sources).
  '.article-header .meta',
  '.evidence',
  // The introductions of the claims and corrections sections.
  '.claims > .meta',
  // A claim row's links to its page and to what its rating means.
  '.rating-links',
  '.corrections > .meta',
  // A claim card's line of sources (the source cards hold them) and its links to the places that
  // cite it (CitedPlaces), and every card's Close button. A claim's claimant is `.claimant`, kept.
  '[popover] > .meta',
  '[popover] > button',
  // A source card's kind, dates, checks and archive link.
  '.badge',
  '.sources .meta',
  // The links that repeat each attribution's buttons where popovers do not work.
  '.attribution > a',
  // Words for screen readers alone ("Claim", "what this status means").
  '.visually-hidden',
];

/** The processes this process started and that are still there, by id (Linux only: none elsewhere). */
function childProcesses(): Set<number> {
  let ids: string[];
  try {
    ids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return new Set();
  }
  return new Set(
    ids.flatMap((id) => {
      try {
        // pid (comm) state ppid ...; comm may hold spaces and parentheses, so read after its last `)`.
        const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid ? [Number(id)] : [];
      } catch {
        return [];
      }
    }),
  );
}

/** A process's largest resident memory so far, in MB, or null. */
function peakMB(id: number): number | null {
  try {
    const kB = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
    return kB === undefined ? null : Math.round(Number(kB) / 1024);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throws the errors Pagefind reported for a step, if any, naming the step. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${step}: ${errors.join('; ')}`);
}

/**
 * One shard's index, in a Pagefind service process of its own. Pagefind's Node API never answers
 * when its process dies (killed for want of memory, say), so every call also watches the process.
 */
class ShardIndex {
  private readonly index: pagefind.PagefindIndex;
  private readonly processes: Set<number>;

  private constructor(index: pagefind.PagefindIndex, processes: Set<number>) {
    this.index = index;
    this.processes = processes;
  }

  /** Starts a Pagefind process with a new, empty index. */
  static async start(): Promise<ShardIndex> {
    const before = childProcesses();
    // Pagefind starts its process as soon as it is first called, before answering.
    const created = pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_SEARCH });
    const processes = new Set([...childProcesses()].filter((id) => !before.has(id)));
    const { errors, index } = await watch(created, processes, 'starting');
    assertNoErrors('starting', errors);
    if (!index) throw new Error('Pagefind failed while starting: it returned no index.');
    return new ShardIndex(index, processes);
  }

  async add(sourcePath: string, content: string): Promise<void> {
    assertNoErrors(`indexing ${sourcePath}`, (await watch(this.index.addHTMLFile({ sourcePath, content }), this.processes, `indexing ${sourcePath}`)).errors);
  }

  /** Writes the bundle and stops the process; its memory is free when this returns. Gives the process's peak memory. */
  async write(outputPath: string, bundle: string): Promise<number | null> {
    assertNoErrors(`writing ${bundle}`, (await watch(this.index.writeFiles({ outputPath }), this.processes, `writing ${bundle}`)).errors);
    const peaks = [...this.processes].map(peakMB).filter((peak): peak is number => peak !== null);
    await pagefind.close();
    // The process was told to stop; wait (at most 10 s) until it has, so that its memory is free and it counts among this process's children.
    for (let waited = 0; waited < 10_000 && [...this.processes].some((id) => existsSync(`/proc/${id}`)); waited += 20) await sleep(20);
    return peaks.length > 0 ? Math.max(...peaks) : null;
  }
}

/** The answer of a Pagefind call, or an error as soon as Pagefind's process has ended without answering. */
function watch<T>(call: Promise<T>, processes: Set<number>, step: string): Promise<T> {
  const answer = call.catch((error: unknown) => {
    throw new Error(`Pagefind failed while ${step}: ${error instanceof Error ? error.message : String(error)}.`);
  });
  if (processes.size === 0) return answer;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if ([...processes].every((id) => !existsSync(`/proc/${id}`))) {
        reject(new Error(`Pagefind's process ended while ${step}, without an answer (out of memory?).`));
      }
    }, 200);
  });
  return Promise.race([answer, ended]).finally(() => clearInterval(timer));
}

/** The parent process at the start: a process whose parent has gone (a build stopped hard) stops waiting. */
const PARENT = process.ppid;

/**
 * The page at `path` once Astro has written it whole. Astro writes each page with one
 * `writeFile`, from its first byte to its last, and the last bytes of every page are `</html>`
 * (anywhere else in a page, a `<` is escaped): a read that ends so has the whole page. Until then,
 * the page is read again every 50 ms.
 */
export async function writtenPage(path: string): Promise<string> {
  for (;;) {
    try {
      const html = readFileSync(path, 'utf8');
      if (html.trimEnd().endsWith('</html>')) return html;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (process.ppid !== PARENT) throw new Error(`the build stopped before ${path} was written`);
    await sleep(50);
  }
}

/** Indexes the shard a request names; gives Pagefind's peak memory. */
export async function indexShard({ siteDir, files, outputPath, bundle, follow = false }: ShardRequest): Promise<number | null> {
  try {
    const shard = await ShardIndex.start();
    for (const file of files) await shard.add(file, follow ? await writtenPage(join(siteDir, file)) : readFileSync(join(siteDir, file), 'utf8'));
    return await shard.write(outputPath, bundle);
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // The answer is the last line of standard output, as JSON (Pagefind's library writes its own
  // messages to standard error).
  try {
    const peakMB = await indexShard(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ShardRequest);
    process.stdout.write(`${JSON.stringify({ peakMB })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
    process.exitCode = 1;
  }
}
