import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { ROOT, writeArticles } from '../helpers/site.ts';

function check(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bad = article(
  VALID_FRONTMATTER.replace('kind: news', 'kind: newspaper'),
  VALID_BODY.replace('[@kyiv-statement]', '[@kyiv]'),
);

describe('npm run check', () => {
  it('exits 0 and prints only the summary when every article is valid', () => {
    const dir = writeArticles({ 'good.md': article(), '_draft-notes.md': 'not an article', '_drafts/x.md': 'ignored' });
    expect(check(dir)).toEqual({ status: 0, stdout: '', stderr: '1 article checked: 0 errors, 0 warnings\n' });
  });

  it('reports every problem in every file in one run and exits 1', () => {
    const dir = writeArticles({ 'a-bad.md': bad, 'b-good.md': article(), 'c-bad.md': bad });
    const { status, stdout, stderr } = check(dir);
    const file = (name: string) => relative(ROOT, join(dir, name));
    const errors = (name: string) => [
      `${file(name)}:19:5  error  invalid-value  Field "kind" of source 2 (\`reuters-talks\`) is "newspaper"; it must be one of primary, official, news, analysis, reference, other.`,
      `${file(name)}:35:22  error  unknown-citation  Citation [@kyiv] matches no source or claim. Known ids: kyiv-statement, reuters-talks, ceasefire-demand.`,
    ];
    expect(status).toBe(1);
    expect(stdout).toBe(`${[...errors('a-bad.md'), ...errors('c-bad.md')].join('\n')}\n`);
    expect(stderr).toBe('3 articles checked: 4 errors, 0 warnings\n');
  });

  it('prints GitHub Actions annotations with --format github', () => {
    const dir = writeArticles({ 'bad.md': bad });
    const { status, stdout } = check('--format', 'github', join(dir, 'bad.md'));
    expect(status).toBe(1);
    expect(stdout.split('\n')[0]).toMatch(
      /^::error file=.*bad\.md,line=19,col=5,title=invalid-value::Field "kind" of source 2 \(`reuters-talks`\) is "newspaper"; it must be one of primary, official, news, analysis, reference, other\.$/,
    );
  });

  it('prints machine-readable diagnostics with --format json', () => {
    const dir = writeArticles({ 'bad.md': bad });
    const { status, stdout } = check('--format', 'json', dir);
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ articles: 1, errors: 2, warnings: 0 });
    expect(report.diagnostics[1]).toEqual({
      file: expect.stringMatching(/bad\.md$/),
      line: 35,
      column: 22,
      severity: 'error',
      rule: 'unknown-citation',
      message:
        'Citation [@kyiv] matches no source or claim. Known ids: kyiv-statement, reuters-talks, ceasefire-demand.',
    });
  });

  it('exits 2 on a usage mistake', () => {
    expect(check('--format', 'xml').status).toBe(2);
    expect(check('/no/such/folder').stderr).toMatch(/^No such file or folder: \/no\/such\/folder\n/);
  });

  it('refuses a file name that cannot be a page address', () => {
    const dir = writeArticles({ 'Bad Name.md': article() });
    const { status, stdout } = check(dir);
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /Bad Name\.md:1:1 {2}error {2}file-name {2}The file name part "Bad Name" cannot be a page address/,
    );
  });

  it('passes the first explainer with no errors and no warnings', () => {
    expect(check()).toEqual({
      status: 0,
      stdout: '',
      stderr: expect.stringMatching(/ checked: 0 errors, 0 warnings\n$/),
    });
  });
});
