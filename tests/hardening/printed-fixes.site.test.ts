import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, writeArticles, type BuiltSite } from '../helpers/site.ts';

/**
 * Every fix a message prints, applied exactly as printed, gives an article that passes the check
 * and shows on the page the text the editor meant: no stray quote, nothing cut short.
 */

const BAD = join(ROOT, 'tests/fixtures/bad');
const VALID = readFileSync(join(BAD, 'missing-title/input.md'), 'utf8').replace(
  '---\n',
  '---\ntitle: Delegations meet in Istanbul\n',
);

interface Case {
  /** The page (and file) name. */
  slug: string;
  /** The article with the slip. */
  text: string;
  /** What the page must show once the fix is applied. */
  shows: (site: BuiltSite) => void;
}

const h1 = (html: string) => decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
const decode = (html: string) =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const page = (site: BuiltSite, slug: string) => site.read(`articles/${slug}/index.html`);
const data = (site: BuiltSite, slug: string) => JSON.parse(site.read(`articles/${slug}.json`));
const fromCorpus = (name: string) => readFileSync(join(BAD, name, 'input.md'), 'utf8');

const CASES: Case[] = [
  {
    slug: 'title-curly-quotes',
    text: fromCorpus('title-curly-quotes'),
    shows: (site) => expect(h1(page(site, 'title-curly-quotes'))).toBe('Talks in Istanbul'),
  },
  {
    slug: 'apostrophe',
    text: fromCorpus('yaml-apostrophe-in-single-quotes'),
    shows: (site) => expect(h1(page(site, 'apostrophe'))).toBe("Putin's offer: talks in Istanbul"),
  },
  {
    slug: 'colon-in-value',
    text: fromCorpus('yaml-colon-in-value'),
    shows: (site) => expect(h1(page(site, 'colon-in-value'))).toBe('Talks: delegations meet'),
  },
  {
    slug: 'starts-with-quote',
    text: fromCorpus('yaml-value-starts-with-quote'),
    shows: (site) => expect(h1(page(site, 'starts-with-quote'))).toBe('"Historic" talks in Istanbul'),
  },
  {
    slug: 'hash-in-title',
    text: VALID.replace('title: Delegations meet in Istanbul', 'title: Water rationing, week #3 of the drought'),
    shows: (site) => expect(h1(page(site, 'hash-in-title'))).toBe('Water rationing, week #3 of the drought'),
  },
  {
    slug: 'status-curly',
    text: fromCorpus('status-curly-quotes'),
    shows: (site) => expect(data(site, 'status-curly').claims[0].status).toBe('false'),
  },
  {
    slug: 'status-unquoted',
    text: fromCorpus('claim-status-unquoted-false'),
    shows: (site) => expect(data(site, 'status-unquoted').claims[0].status).toBe('false'),
  },
  {
    slug: 'no-space',
    text: fromCorpus('yaml-no-space-after-colon'),
    shows: (site) => expect(data(site, 'no-space').claims[0].status).toBe('confirmed'),
  },
  {
    slug: 'star-item',
    text: fromCorpus('yaml-star-list-item'),
    shows: (site) =>
      expect(data(site, 'star-item').sources.map((source: { id: string }) => source.id)).toEqual([
        'bbc-talks',
        'reuters-talks',
      ]),
  },
  {
    slug: 'empty-list',
    text: fromCorpus('yaml-empty-list-with-items'),
    shows: (site) => expect(page(site, 'empty-list')).toContain('/topics/diplomacy/'),
  },
  {
    slug: 'draft-quoted',
    text: fromCorpus('type-draft-quoted-false'),
    shows: (site) => expect(h1(page(site, 'draft-quoted'))).toBe('Delegations meet in Istanbul'),
  },
];

/** Runs `npm run check` on one file; returns its diagnostic lines (path removed) and exit status. */
function check(file: string): { lines: string[]; status: number | null } {
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), file], { cwd: ROOT, encoding: 'utf8' });
  return {
    lines: result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(line.indexOf(':') + 1)),
    status: result.status,
  };
}

/**
 * The article with the fix of `message` applied to line `line` (1-based) as printed: a whole line
 * ("write "  - id: x"", "...: title: "x"") takes the line's place, keeping its indentation when it
 * has none of its own; a value alone ("use straight quotes: 'false'", "write 'false' in quotes")
 * takes the place of the value.
 */
export function applyFix(text: string, line: number, message: string): string {
  const lines = text.split('\n');
  const original = lines[line - 1]!;
  const indent = /^\s*/.exec(original)![0];
  const written = /write "(.*)"\.$/.exec(message)?.[1];
  const wholeLine = written ?? /: ((?:- )?[a-z][\w-]*: .*|- ".*")$/.exec(message)?.[1];
  const value = /(?:use straight quotes:|write) ('[^']*'|"[^"]*")(?:\.| in quotes\.)$/.exec(message)?.[1];
  if (wholeLine !== undefined) lines[line - 1] = /^\s/.test(wholeLine) ? wholeLine : `${indent}${wholeLine}`;
  else if (value !== undefined) lines[line - 1] = original.replace(/:\s.*$/, `: ${value}`);
  else throw new Error(`no fix printed in: ${message}`);
  return lines.join('\n');
}

describe('every fix a message prints, applied as printed', () => {
  let fixed: Record<string, string>;
  let site: BuiltSite;

  beforeAll(() => {
    fixed = {};
    const dir = writeArticles(Object.fromEntries(CASES.map(({ slug, text }) => [`${slug}.md`, text])));
    for (const { slug, text } of CASES) {
      const before = check(join(dir, `${slug}.md`));
      expect(before.lines.length, slug).toBe(1);
      const [, line, message] = /^(\d+):\d+ {2}\S+ {2}\S+ {2}(.*)$/.exec(before.lines[0]!)!;
      fixed[slug] = applyFix(text, Number(line), message!);
    }
    site = buildSite(
      writeArticles(Object.fromEntries(Object.entries(fixed).map(([slug, text]) => [`${slug}.md`, text]))),
    );
    expect(site.status, site.output).toBe(0);
  });

  it.each(CASES.map(({ slug }) => slug))('%s: passes the check with no error and no warning', (slug) => {
    const dir = writeArticles({ [`${slug}.md`]: fixed[slug]! });
    expect(check(join(dir, `${slug}.md`))).toEqual({ lines: [], status: 0 });
  });

  it.each(CASES)('$slug: shows the intended text on the page', ({ shows }) => {
    shows(site);
  });
});
