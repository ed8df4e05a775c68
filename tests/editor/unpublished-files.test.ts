import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpublishedFiles } from '../../src/checker/unpublished-files.ts';
import { ROOT } from '../helpers/site.ts';

/** A project with a content folder (registries, articles, pages) and the given files in it. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sourced-project-'));
  for (const name of ['authors.yaml', 'topics.yaml', 'publishers.yaml'])
    cpSync(join(ROOT, 'content', name), join(root, 'content', name));
  mkdirSync(join(root, 'content/articles'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const article = readFileSync(join(ROOT, 'README.md'), 'utf8').match(/^```markdown\n(---\n[\s\S]*?)^```$/m)![1]!;

function check(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCED_ARTICLES_DIR: join(root, 'content/articles'), SOURCED_TODAY: '2026-11-25' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MOVE =
  'This file will never be published: articles are published only from content/articles/, as .md files; move it there, as content/articles/talks.md.';
const RENAME =
  'This file will never be published: only files whose names end in .md are articles; rename it to content/articles/talks.md.';

describe('npm run check on a file that looks like an article but would never be published', () => {
  const root = project({
    'content/articles/good.md': article,
    'content/article/talks.md': article,
    'content/articles/talks.markdown': article,
    'content/articles/_notes.txt': 'Notes, ignored.',
  });

  it('warns of each such file when it searches the articles (and the content folder around them), and exits 0', () => {
    expect(check(root)).toEqual({
      status: 0,
      stdout: `content/article/talks.md:1:1  warning  not-published  ${MOVE}\ncontent/articles/talks.markdown:1:1  warning  not-published  ${RENAME}\n`,
      stderr: '1 article checked: 0 errors, 2 warnings\n',
    });
  });

  it('is an error for a file named on the command line: in content/article/ (singular)', () => {
    expect(check(root, 'content/article/talks.md')).toEqual({
      status: 1,
      stdout: `content/article/talks.md:1:1  error  not-published  ${MOVE}\n`,
      stderr: '1 article checked: 1 error, 0 warnings\n',
    });
  });

  it.each(['markdown', 'mdx', 'txt'])(
    'is an error for a file named on the command line: a .%s file in the articles folder',
    (extension) => {
      const other = project({ [`content/articles/talks.${extension}`]: article });
      expect(check(other, `content/articles/talks.${extension}`)).toEqual({
        status: 1,
        stdout: `content/articles/talks.${extension}:1:1  error  not-published  ${RENAME}\n`,
        stderr: '1 article checked: 1 error, 0 warnings\n',
      });
    },
  );
});

describe('unpublishedFiles', () => {
  it("takes a Markdown file named at the project's root for a misplaced article, and leaves alone files elsewhere and the site's pages", () => {
    const root = project({ 'talks.md': article, 'samples/talks.md': article, 'content/pages/about.md': '# About' });
    const places = {
      cwd: root,
      articlesRoot: join(root, 'content/articles'),
      projectRoot: root,
      otherContent: [join(root, 'content/pages')],
    };
    expect(unpublishedFiles(['talks.md', 'samples/talks.md', 'content/pages/about.md'], places)).toEqual([
      { file: 'talks.md', line: 1, column: 1, severity: 'error', rule: 'not-published', message: MOVE },
    ]);
  });
});
