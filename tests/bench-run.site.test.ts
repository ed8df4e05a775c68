import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/site.ts';

describe('npm run bench', () => {
  it('runs on three articles and writes every figure as a number', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'sourced-bench-run-')), 'result.json');
    const result = spawnSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--articles', '3', '--json', json], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Figures written to .*result\.json\.$/m);
    expect(result.stdout).toMatch(/^\| +\| +Sourced \| +baseline \| ratio \|$/m);
    expect(result.stdout).toMatch(/^\| Cold build \(median of 3 runs\) +\| +[\d.]+ s \| +[\d.]+ s \| +[\d.]+x \|$/m);

    const figures = JSON.parse(readFileSync(json, 'utf8'));
    expect(figures.articles).toBe(3);
    const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
    expect(
      isNumber(figures.checker.seconds) &&
        isNumber(figures.checker.articlesPerSecond) &&
        isNumber(figures.checker.peakMB),
    ).toBe(true);
    // The reported check is the median of three runs.
    expect(figures.checker.runs).toHaveLength(3);
    expect([...figures.checker.runs].sort((a: number, b: number) => a - b)[1]).toBe(figures.checker.seconds);
    expect(result.stdout).toMatch(
      /^\| Checker, 3 articles \(median of 3 runs\) +\| +[\d.]+ s \(\d+\/s\) \| +- \| +- \|$/m,
    );
    // Each site is built cold three times, in turns, and the median counts.
    for (const site of [figures.ours, figures.baseline]) {
      expect(site.cold.runs).toHaveLength(3);
      expect([...site.cold.runs].sort((a: number, b: number) => a - b)[1]).toBe(site.cold.seconds);
    }
    // The warm runs check again over the cache the cold runs filled.
    expect(figures.warmChecker.runs).toHaveLength(3);
    expect([...figures.warmChecker.runs].sort((a: number, b: number) => a - b)[1]).toBe(figures.warmChecker.seconds);
    expect(result.stdout).toMatch(
      /^\| Checker with a warm cache \(median of 3 runs\) +\| +[\d.]+ s, \d+ MB \| +- \| +- \|$/m,
    );
    // markdownlint-cli2 over the same files, in turns with the checker's cold runs, and the ratio.
    expect(figures.markdownlint.runs).toHaveLength(3);
    expect([...figures.markdownlint.runs].sort((a: number, b: number) => a - b)[1]).toBe(figures.markdownlint.seconds);
    expect(figures.markdownlint.ratio).toBe(
      Math.round((figures.checker.seconds / figures.markdownlint.seconds) * 100) / 100,
    );
    expect(result.stdout).toMatch(
      /^\| Checker \(empty cache\) vs\. markdownlint-cli2 \(median of 3 runs\) +\| +[\d.]+ s \| +[\d.]+ s, \d+ MB \| +[\d.]+x \|$/m,
    );
    for (const site of [figures.ours, figures.baseline]) {
      for (const run of [site.cold, site.warm]) {
        expect(isNumber(run.seconds)).toBe(true);
        expect(run.peakMB).toBeGreaterThan(0);
        expect(run.status).toBe(0);
      }
      for (const key of ['htmlRaw', 'htmlGzip', 'cssRaw', 'cssGzip', 'totalGzip', 'js', 'contentGzip', 'markupGzip'])
        expect(isNumber(site.page[key])).toBe(true);
      expect(site.page.htmlGzip).toBeGreaterThan(0);
    }
    // Only the edited article is rendered again by our loader.
    expect(figures.ours.warmRendered).toBe(1);
    for (const key of ['coldBuild', 'coldPeak', 'warmBuild', 'warmPeak', 'htmlGzip', 'pageGzip']) {
      expect(isNumber(figures.ratios[key])).toBe(true);
    }
  });

  it('measures a cold build from a repository in which every explainer has several revisions', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'sourced-bench-run-')), 'result.json');
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bench/run.ts'),
        '--articles',
        '3',
        '--no-baseline',
        '--cold-runs',
        '1',
        '--history',
        '3',
        '--json',
        json,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 280_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const figures = JSON.parse(readFileSync(json, 'utf8'));
    expect(figures.history).toMatchObject({ revisions: 3, historyPages: 3, cold: { status: 0 } });
    expect(figures.history.ratio).toBe(
      Math.round((figures.history.cold.seconds / figures.ours.cold.seconds) * 100) / 100,
    );
    expect(result.stdout).toMatch(
      /^\| Cold build with history \(3 revisions each\), vs\. without +\| +[\d.]+ s, \d+ MB \| +[\d.]+ s \| +[\d.]+x \|$/m,
    );
  });

  it('indexes the cold build for search in shards, as npm run build does, and reports each shard', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'sourced-bench-run-')), 'result.json');
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'bench/run.ts'), '--articles', '3', '--no-baseline', '--cold-runs', '1', '--search', '--json', json],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // One page a shard: three pages make four shards; by their paths' hashes, the two synthetic
        // explainers share the first and the first explainer is alone in the third.
        env: { ...process.env, SOURCED_SEARCH_SHARD_SIZE: '1' },
        timeout: 280_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const { search } = JSON.parse(readFileSync(json, 'utf8')).ours;
    expect(search.shards.map((shard: { bundle: string; pages: number }) => [shard.bundle, shard.pages])).toEqual([
      ['pagefind/', 2],
      ['pagefind-3/', 1],
    ]);
    expect(search.index.status).toBe(0);
    // Measured from outside: the whole step, its Pagefind processes included.
    expect(search.index.peakMB).toBeGreaterThan(0);
    expect(search.files).toBeGreaterThan(20);
    expect(result.stdout).toMatch(
      /^\| Search index: bundles \(2 shards\), article pages each +\| +2, 2 \/ 1 \| +- \| +- \|$/m,
    );
  });
});
