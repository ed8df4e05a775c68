import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnannouncedChange, type PublishedRevision } from '../../src/checker/rules/unannounced-change.ts';
import { article, VALID_BODY, VALID_FRONTMATTER } from '../helpers/articles.ts';
import { commitStep, fixtureRepo, gitIn } from '../helpers/git-repo.ts';
import { ROOT } from '../helpers/site.ts';

const claims = (status: 'confirmed' | 'disputed', statement = 'They met.') => [
  { id: 'met', statement, status, sources: ['a'] },
];
const revision = (
  commit: string,
  date: string,
  body: string,
  status: 'confirmed' | 'disputed' = 'confirmed',
  statement?: string,
): PublishedRevision => ({
  commit: commit.padEnd(40, '0'),
  date,
  article: { claims: claims(status, statement) },
  body,
});

describe('findUnannouncedChange', () => {
  const published = revision('a', '2025-05-20T10:00:00Z', 'They met. [@met]\n');

  it('warns about a change of text, statement or status more than a day after the last update, naming the latest commit', () => {
    expect(
      findUnannouncedChange({ published: '2025-05-20' }, [
        published,
        revision('b', '2025-06-10T09:00:00+02:00', 'They met twice. [@met]\n', 'disputed'),
      ]),
    ).toEqual([
      {
        rule: 'unannounced-change',
        severity: 'warning',
        path: ['published'],
        message:
          'Commit b00000000000 of 2025-06-10 changed the text and the status of claim "met" (confirmed → disputed), but published is 2025-05-20; readers are not told of the change, so set updated to 2025-06-10 or later (and add a correction if it fixes a mistake).',
      },
    ]);
    const restated = revision('c', '2025-06-12T09:00:00Z', 'They met. [@met]\n', 'confirmed', 'They met in May.');
    expect(
      findUnannouncedChange({ published: '2025-05-20', updated: '2025-06-01' }, [published, restated])[0]!.message,
    ).toBe(
      'Commit c00000000000 of 2025-06-12 changed the statement of claim "met", but updated is 2025-06-01; readers are not told of the change, so set updated to 2025-06-12 or later (and add a correction if it fixes a mistake).',
    );
  });

  it('accepts changes within a day of the last update, changes of whitespace or punctuation only, and a moved updated', () => {
    const edited = revision('b', '2025-06-10T09:00:00Z', 'They met twice. [@met]\n');
    expect(findUnannouncedChange({ published: '2025-05-20', updated: '2025-06-09' }, [published, edited])).toEqual([]);
    expect(findUnannouncedChange({ published: '2025-05-20', updated: '2025-06-10' }, [published, edited])).toEqual([]);
    expect(
      findUnannouncedChange({ published: '2025-05-20' }, [
        published,
        revision('b', '2025-06-10T09:00:00Z', 'They  met;\n[@met]\n'),
      ]),
    ).toEqual([]);
    expect(
      findUnannouncedChange({ published: '2025-05-20' }, [
        published,
        revision('b', '2025-06-10T09:00:00Z', published.body, 'confirmed', 'They met!'),
      ]),
    ).toEqual([]);
  });
});

function check(dir: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), dir], { encoding: 'utf8', cwd: ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check on a repository', () => {
  it('warns unannounced-change at the published line, until updated is moved; uncommitted edits are not judged', () => {
    const { repo, articles } = fixtureRepo([
      {
        date: '2025-05-18T10:00:00Z',
        message: 'draft',
        files: {
          'talks.md': article(
            `${VALID_FRONTMATTER}draft: true\n`,
            'A draft paragraph. [@kyiv-statement] [@reuters-talks] [@ceasefire-demand]\n',
          ),
        },
      },
      { date: '2025-05-20T10:00:00Z', message: 'publish', files: { 'talks.md': article() } },
      // Punctuation only, weeks later: not a change readers need to be told of.
      {
        date: '2025-06-01T10:00:00Z',
        message: 'commas',
        files: {
          'talks.md': article(VALID_FRONTMATTER, VALID_BODY.replace('Leaders met in Kyiv.', 'Leaders met, in Kyiv.')),
        },
      },
    ]);
    const file = relative(ROOT, join(articles, 'talks.md'));
    expect(check(articles)).toEqual({ status: 0, stdout: '', stderr: '1 article checked: 0 errors, 0 warnings\n' });

    // An uncommitted edit is not judged.
    const edited = article(
      VALID_FRONTMATTER,
      VALID_BODY.replace('They demanded a ceasefire.', 'They demanded a 30-day ceasefire.'),
    );
    writeFileSync(join(articles, 'talks.md'), edited);
    expect(check(articles).stdout).toBe('');

    commitStep(repo, { date: '2025-06-10T10:00:00Z', message: 'silent edit', files: { 'talks.md': edited } });
    const commit = gitIn(repo, ['rev-parse', '--short=12', 'HEAD']).trim();
    expect(check(articles)).toEqual({
      status: 0,
      stdout: `${file}:4:1  warning  unannounced-change  Commit ${commit} of 2025-06-10 changed the text, but published is 2025-05-20; readers are not told of the change, so set updated to 2025-06-10 or later (and add a correction if it fixes a mistake).\n`,
      stderr: '1 article checked: 0 errors, 1 warning\n',
    });

    writeFileSync(
      join(articles, 'talks.md'),
      article(
        `${VALID_FRONTMATTER}updated: 2025-06-10\n`,
        VALID_BODY.replace('They demanded a ceasefire.', 'They demanded a 30-day ceasefire.'),
      ),
    );
    expect(check(articles).stdout).toBe('');
  });
});
