import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, runBuildCommand, writeArticles, buildDir } from '../helpers/site.ts';
import { largeArticle } from './large-article.ts';

const BAD = join(ROOT, 'tests/fixtures/bad');

/** One bad case of each family: frontmatter, YAML, dates, URL fields, raw HTML, body links, citations, claims' evidence. */
const REPRESENTATIVE = [
  'missing-source-url',
  'yaml-tab-indent',
  'yaml-duplicate-key',
  'date-february-30',
  'url-javascript-mixed-case',
  'archive-html-entity',
  'html-event-handler',
  'link-entity-first-letter',
  'image-data',
  'body-unknown-citation',
  'claim-circular-evidence',
  'claim-wording-without-appearance',
] as const;

const input = (name: string) => readFileSync(join(BAD, name, 'input.md'), 'utf8');
const expectedLines = (name: string) =>
  readFileSync(join(BAD, name, 'expected.txt'), 'utf8')
    .split('\n')
    .filter((line) => line !== '');

/** Each case's expected lines, with `input.md` replaced by where the case was written for the build. */
const expectedFor = (names: readonly string[], dir: string) =>
  names.flatMap((name) =>
    expectedLines(name).map((line) => line.replace(/^input\.md:/, `${relative(ROOT, join(dir, `${name}.md`))}:`)),
  );

/** Every file under `dir` with a digest of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

const GOOD = input('missing-title').replace('---\n', '---\ntitle: Delegations meet in Istanbul\n');

describe('astro build over bad articles', () => {
  it('exits non-zero and names every bad file with its line, column and rule, publishing no article', () => {
    const dir = writeArticles({
      'good-article.md': GOOD,
      ...Object.fromEntries(REPRESENTATIVE.map((name) => [`${name}.md`, input(name)])),
    });
    const site = buildSite(dir);
    expect(site.status).not.toBe(0);
    for (const line of expectedFor(REPRESENTATIVE, dir)) expect(site.output).toContain(line);
    expect(existsSync(join(site.outDir, 'articles'))).toBe(false);
  });
});

describe('npm run build after a good build', () => {
  let outDir: string;
  let good: Record<string, string>;

  beforeAll(() => {
    outDir = join(buildDir('out-'), 'site');
    const built = runBuildCommand(writeArticles({ 'good-article.md': GOOD }), outDir);
    expect(built.status, built.output).toBe(0);
    good = snapshot(outDir);
    expect(good['articles/good-article/index.html']).toBeDefined();
  });

  it('fails on bad articles, names each file and rule, and leaves the good site byte for byte', () => {
    const dir = writeArticles({
      'good-article.md': GOOD,
      ...Object.fromEntries(REPRESENTATIVE.map((name) => [`${name}.md`, input(name)])),
    });
    const result = runBuildCommand(dir, outDir);
    expect(result.status).toBe(1);
    for (const line of expectedFor(REPRESENTATIVE, dir)) expect(result.output).toContain(line);
    expect(snapshot(outDir)).toEqual(good);
    expect(readdirSync(join(outDir, '..'))).toEqual(['site']);
  });

  it('fails on a 2 MB article with the size error and leaves the good site byte for byte', () => {
    const dir = writeArticles({ 'good-article.md': GOOD, 'huge.md': largeArticle(2_000_000) });
    const result = runBuildCommand(dir, outDir);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      `${relative(ROOT, join(dir, 'huge.md'))}:1:1  error  file-too-large  The file is 2000000 bytes, over the limit of 1000000 bytes; split it into several articles.`,
    );
    expect(snapshot(outDir)).toEqual(good);
  });

  it('fails on a YAML alias bomb with a positioned yaml-syntax error, not a crash, and leaves the good site', () => {
    const dir = writeArticles({ 'good-article.md': GOOD, 'yaml-alias-bomb.md': input('yaml-alias-bomb') });
    const result = runBuildCommand(dir, outDir);
    expect(result.status).toBe(1);
    for (const line of expectedFor(['yaml-alias-bomb'], dir)) expect(result.output).toContain(line);
    expect(result.output).not.toContain('ReferenceError');
    expect(snapshot(outDir)).toEqual(good);
  });
});

describe('npm run build on one bad article per rule', () => {
  let outDir: string;
  let good: Record<string, string>;

  beforeAll(() => {
    outDir = join(buildDir('out-'), 'site');
    expect(runBuildCommand(writeArticles({ 'good-article.md': GOOD }), outDir).status).toBe(0);
    good = snapshot(outDir);
  });

  // Every case goes through `npm run check` with its exact diagnostics (bad-corpus.test.ts); here the
  // first case (by name) of each rule goes through the build. file-too-large has no committed input;
  // its 2 MB article is built above.
  const covered = new Set<string>();
  const cases = readdirSync(BAD)
    .sort()
    .filter((name) => readdirSync(join(BAD, name)).some((file) => file.endsWith('.md')))
    .filter((name) => {
      const rules = expectedLines(name).map((line) => /^\S+:\d+:\d+ {2}\S+ {2}(\S+) {2}/.exec(line)?.[1] ?? line);
      const adds = rules.some((rule) => !covered.has(rule));
      for (const rule of rules) covered.add(rule);
      return adds;
    });

  it.each(cases)('%s: exits 1 with its diagnostics and leaves the previous site byte for byte', (name) => {
    const file = readdirSync(join(BAD, name)).find((entry) => entry.endsWith('.md'))!;
    const dir = writeArticles({ [file]: readFileSync(join(BAD, name, file), 'utf8') });
    const result = runBuildCommand(dir, outDir);
    expect(result.status).toBe(1);
    const written = relative(ROOT, join(dir, file));
    for (const line of expectedLines(name)) expect(result.output).toContain(line.replace(`${file}:`, `${written}:`));
    expect(snapshot(outDir)).toEqual(good);
  });
});
