/**
 * `npm run build [-- --out-dir DIR]`: runs `astro build` into a staging folder next to DIR (default
 * `dist`), and only when it succeeds replaces DIR with it. Astro makes the whole site: its content
 * loader checks and renders every article, and the sourced() integration (src/build/sourced.ts)
 * reports every article's check, writes the open data, indexes the site for search and ends with
 * the summary. A content error or any failed step fails Astro, and the previous DIR is left as it
 * was. Articles come from `content/articles/` or from SOURCED_ARTICLES_DIR.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = resolve(values['out-dir'] ?? join(ROOT, 'dist'));
const staging = join(dirname(outDir), `.${outDir.split('/').pop()}-staging`);

/** Folders an earlier build moved aside to delete, if any are still there. */
function leftovers(): string[] {
  const prefix = `${staging.split('/').pop()}-previous-`;
  return readdirSync(dirname(outDir))
    .filter((name) => name.startsWith(prefix) && name !== `${prefix}${process.pid}`)
    .map((name) => join(dirname(outDir), name));
}

/** Deletes folders in a detached `rm -rf` that goes on after this process exits (here, at once where there is no `rm`). */
function deleteInBackground(folders: string[]): void {
  if (folders.length === 0) return;
  if (process.platform === 'win32') {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    return;
  }
  spawn('rm', ['-rf', '--', ...folders], { detached: true, stdio: 'ignore' }).unref();
}

rmSync(staging, { recursive: true, force: true });
// Astro keeps every page of a large archive in memory at once; the default heap is too small for 10,000 articles.
const astro = spawn(
  process.execPath,
  ['--max-old-space-size=8192', join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
const status = await new Promise<number>((resolve) => {
  astro.on('error', () => resolve(1));
  astro.on('close', (code) => resolve(code ?? 1));
});
if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`Build failed: fix what is reported above and build again. ${outDir} was left as it was.\n`);
  process.exit(status);
}

// The site being replaced is moved aside, and deleted by a process of its own that outlives this
// one: deleting the tens of thousands of files of a large archive took longer (14 s at 10,000
// explainers) than indexing what changed. A build also deletes what an earlier one left there.
const previous = `${staging}-previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
deleteInBackground([previous, ...leftovers()]);
