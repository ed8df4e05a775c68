import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gitIn } from '../helpers/git-repo.ts';
import { listFiles, ROOT } from '../helpers/site.ts';

/**
 * A copy of the project in a folder of its own (its packages linked, not copied), a git repository
 * with the explainers committed, whose caches are inside it: Astro's cache folder and the check
 * cache. Moving the folder moves them with it, as a renamed checkout or a CI cache restored into
 * another path would.
 */
function copyProject(parent: string): string {
  const project = join(parent, 'project');
  mkdirSync(project);
  for (const path of [
    'src',
    'content',
    'public',
    'patches',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ]) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(project, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  gitIn(project, ['init', '-q', '-b', 'main']);
  gitIn(project, ['add', 'content']);
  gitIn(project, ['commit', '-q', '-m', 'Explainers']);
  return project;
}

/** The caches of the project in `project`. */
const caches = (project: string) => ({
  SOURCED_CACHE_DIR: join(project, 'cache/astro'),
  SOURCED_CHECK_CACHE_DIR: join(project, 'cache/check'),
});

/** `npm run build` in the project in `project`, into its `dist/`. */
function build(project: string): { status: number | null; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SOURCED_')));
  const result = spawnSync(process.execPath, [join(project, 'src/cli/build.ts')], {
    cwd: project,
    encoding: 'utf8',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...caches(project) },
    timeout: 300_000,
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** Every file of a built site, path -> content. */
const site = (dist: string) =>
  Object.fromEntries(listFiles(dist).map((path) => [path, readFileSync(join(dist, path), 'utf8')]));

/** Every file under `dir` whose text holds `text`. */
const holding = (dir: string, text: string) =>
  listFiles(dir).filter((path) => readFileSync(join(dir, path), 'latin1').includes(text));

describe('a cache never breaks a build', () => {
  it('builds the same site, from its caches, after the project folder moved, and after a stored file is deleted', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sourced-moved-'));
    const before = copyProject(parent);
    const first = build(before);
    expect(first.status, first.output).toBe(0);
    const built = site(join(before, 'dist'));
    expect(Object.keys(built)).toContain('articles/zelensky-invites-putin-to-turkiye/index.html');
    expect(Object.keys(built)).toContain('articles/zelensky-invites-putin-to-turkiye/history/index.html');
    // No cache holds a path of the project: Astro's data store names stored files, never their paths.
    for (const dir of Object.values(caches(before))) expect(holding(dir, before), dir).toEqual([]);

    const after = join(parent, 'moved');
    renameSync(before, after);
    const moved = build(after);
    expect(moved.status, moved.output).toBe(0);
    expect(moved.output).toContain('0 articles rendered, 1 unchanged');
    expect(moved.output).not.toMatch(/cannot be read|ENOENT|\serror\s|errors? in articles/);
    expect(site(join(after, 'dist'))).toEqual(built);

    // One stored article and one stored history deleted: both are made again, the same.
    for (const folder of ['sourced-articles', 'sourced-history']) {
      const dir = join(caches(after).SOURCED_CACHE_DIR, folder);
      const stored = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.includes('_draft'));
      expect(stored.length, folder).toBeGreaterThan(0);
      rmSync(join(dir, stored[0]!));
    }
    const again = build(after);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('1 article rendered, 0 unchanged');
    expect(again.output).not.toMatch(/cannot be read|ENOENT|\serror\s|errors? in articles/);
    expect(site(join(after, 'dist'))).toEqual(built);
    rmSync(parent, { recursive: true, force: true });
  });
});
