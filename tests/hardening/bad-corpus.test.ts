import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';
import { largeArticle } from './large-article.ts';

const BAD = join(ROOT, 'tests/fixtures/bad');
const CHECK = join(ROOT, 'src/cli/check.ts');

/** Cases whose input is made at run time rather than committed (a 2 MB file has no place in the repository). */
const GENERATED: Record<string, () => string> = {
  'file-too-large': () => largeArticle(2_000_000),
};

interface BadCase {
  name: string;
  /** The article file's name inside the case folder: `input.md`, or a badly named file. */
  fileName: string;
  /** Diagnostic lines, with the path written relative to the case folder. */
  expected: string[];
}

const linesOf = (text: string) => text.split('\n').filter((line) => line !== '');

const CASES: BadCase[] = readdirSync(BAD, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => ({
    name,
    fileName: readdirSync(join(BAD, name)).find((file) => file.endsWith('.md')) ?? 'input.md',
    expected: linesOf(readFileSync(join(BAD, name, 'expected.txt'), 'utf8')),
  }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `npm run check` command line from the project root. */
async function check(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CHECK, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout: string; stderr: string };
    return {
      status: typeof failed.code === 'number' ? failed.code : null,
      stdout: failed.stdout,
      stderr: failed.stderr,
    };
  }
}

/** The checker's one-line summary for the given diagnostic lines. */
function summary(articles: number, lines: readonly string[]): string {
  const errors = lines.filter((line) => /^\S+:\d+:\d+ {2}error {2}/.test(line)).length;
  const warnings = lines.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(articles, 'article')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
}

/** A copy of the whole corpus, with the generated inputs written in. */
let corpus: string;
beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'sourced-bad-corpus-'));
  cpSync(BAD, corpus, { recursive: true });
  for (const [name, make] of Object.entries(GENERATED)) {
    mkdirSync(join(corpus, name), { recursive: true });
    writeFileSync(join(corpus, name, 'input.md'), make());
  }
});

describe('the bad-input corpus', () => {
  it('holds at least 45 cases, each with an article (or a generator) and at least one expected error', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    for (const { name, fileName, expected } of CASES) {
      const hasInput = readdirSync(join(BAD, name)).includes(fileName) || name in GENERATED;
      expect(hasInput, `${name} has no article`).toBe(true);
      expect(
        expected.some((line) => line.includes('  error  ')),
        `${name} expects no error`,
      ).toBe(true);
      for (const line of expected) expect(line.startsWith(`${fileName}:`), `${name}: ${line}`).toBe(true);
    }
  });
});

describe('the messages of the bad-input corpus', () => {
  // The YAML parser's own words, which mean nothing to an editor.
  const PARSER_WORDS = /\b(?:mapping|scalar|alias(?:es)?|implicit (?:map )?keys?|block sequence|flow)\b/i;

  it("use none of the parser's words (mapping, scalar, alias, implicit key, block sequence, flow)", () => {
    const found = CASES.flatMap(({ name, expected }) =>
      expected.filter((line) => PARSER_WORDS.test(line)).map((line) => `${name}: ${line}`),
    );
    expect(found).toEqual([]);
  });
});

describe('the article every case breaks', () => {
  // missing-title is the valid article minus its first field: put it back, and the article must be clean.
  const valid = readFileSync(join(BAD, 'missing-title', 'input.md'), 'utf8').replace(
    '---\n',
    '---\ntitle: Delegations meet in Istanbul\n',
  );

  it.concurrent.each([
    ['as every case starts from it', valid],
    ['with a leap day, 2024-02-29, as its date', valid.replace('published: 2025-05-16', 'published: 2024-02-29')],
  ])('passes the check %s', async (_, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-good-'));
    writeFileSync(join(dir, 'talks.md'), text);
    const result = await check(join(dir, 'talks.md'));
    expect(result).toEqual({ status: 0, stdout: '', stderr: '1 article checked: 0 errors, 0 warnings\n' });
  });
});

/** One `npm run check` over the whole corpus: every case's diagnostics come from this run. */
let whole: Run;
beforeAll(async () => {
  whole = await check(corpus);
}, 120_000);

describe('npm run check over the whole corpus at once: exactly the expected diagnostics of each bad article', () => {
  it.each(CASES)('$name', ({ name, fileName, expected }) => {
    const prefix = `${relative(ROOT, join(corpus, name))}/`;
    const printed = linesOf(whole.stdout)
      .filter((line) => line.startsWith(`${prefix}${fileName}:`))
      .map((line) => line.slice(prefix.length));
    expect(printed).toEqual(expected);
  });

  it('reports every problem of every file in one run, nothing else, and exits 1', () => {
    const prefix = `${relative(ROOT, corpus)}/`;
    const expected = CASES.flatMap(({ name, expected }) => expected.map((line) => `${prefix}${name}/${line}`));
    expect(linesOf(whole.stdout).sort()).toEqual([...expected].sort());
    expect(whole.stderr).toBe(summary(CASES.length, expected));
    expect(whole.status).toBe(1);
  });
});

describe('npm run check on one bad article', () => {
  it('exits 1 and prints its diagnostics and the one-article summary', async () => {
    const { name, fileName, expected } = CASES.find((entry) => entry.name === 'body-unknown-citation')!;
    const folder = join(BAD, name);
    const prefix = `${relative(ROOT, folder)}/`;
    const result = await check(join(folder, fileName));
    expect(linesOf(result.stdout).map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line))).toEqual(
      expected,
    );
    expect(result.stderr).toBe(summary(1, expected));
    expect(result.status).toBe(1);
  });
});
