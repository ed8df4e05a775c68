/**
 * Indexes one shard of the search index (search-index.ts) in a process of its own:
 * `node src/publishing/search-shard.ts` reads `{ siteDir, files, outputPath, bundle }` as JSON on
 * its standard input, indexes the pages `files` (paths relative to `siteDir`) with Pagefind's Node
 * API, writes the bundle to `outputPath`, and prints `{"done":true}`. On failure it prints
 * `{"error": "<reason>"}` instead and exits with 1. Shards run in processes of their own so that
 * several can be indexed at once, one per core (Pagefind's Node API has one Pagefind process per
 * Node process), and so that a shard's memory is freed when it ends.
 */
import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  // cite it (CitedPlaces). A claim's claimant is `.claimant`, kept.
  '[popover] > .meta',
  // A source card's kind, dates, checks and archive link.
  '.badge',
  '.sources .meta',
  // The links that repeat each attribution's buttons where popovers do not work.
  '.attribution > a',
  // Words for screen readers alone ("Claim", "what this status means").
  '.visually-hidden',
];

/** Throws the errors Pagefind reported for a step, if any, naming the step. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${step}: ${errors.join('; ')}`);
}

/** What this process is doing, for the message when Pagefind's process ends without answering. */
let step = 'starting';

/** Runs one call of Pagefind's Node API, naming `now` as the step in any error. */
async function call<T>(now: string, run: () => Promise<T>): Promise<T> {
  step = now;
  try {
    return await run();
  } catch (error) {
    throw new Error(`Pagefind failed while ${now}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Indexes the shard a request names, and writes its bundle. */
export async function indexShard({ siteDir, files, outputPath, bundle }: ShardRequest): Promise<void> {
  try {
    const { errors, index } = await call('starting', () =>
      pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_SEARCH }),
    );
    assertNoErrors('starting', errors);
    if (!index) throw new Error('Pagefind failed while starting: it returned no index.');
    for (const file of files) {
      const content = await readFile(join(siteDir, file), 'utf8');
      assertNoErrors(
        `indexing ${file}`,
        (await call(`indexing ${file}`, () => index.addHTMLFile({ sourcePath: file, content }))).errors,
      );
    }
    assertNoErrors(
      `writing ${bundle}`,
      (await call(`writing ${bundle}`, () => index.writeFiles({ outputPath }))).errors,
    );
  } finally {
    await pagefind.close();
  }
}

/** Writes the answer, the last line of standard output, at once (it may be written as the process exits). */
const answer = (value: { done: true } | { error: string }) => writeSync(1, `${JSON.stringify(value)}\n`);

if (import.meta.main) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Pagefind's Node API never answers when its process dies (killed for want of memory, say): nothing
  // is then left to run here, and this process exits with its question unanswered.
  let answered = false;
  process.on('exit', () => {
    if (!answered) answer({ error: `Pagefind's process ended while ${step}, without an answer (out of memory?).` });
  });
  // Pagefind's library writes its own messages to standard error.
  try {
    await indexShard(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ShardRequest);
    answer({ done: true });
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  }
  answered = true;
}
