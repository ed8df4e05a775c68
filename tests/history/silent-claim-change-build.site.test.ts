import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, VALID_FRONTMATTER } from '../helpers/articles.ts';
import { fixtureRepo, gitIn } from '../helpers/git-repo.ts';
import { buildDir, ROOT, runBuildCommand } from '../helpers/site.ts';

const check = (dir: string) =>
  spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), dir], { encoding: 'utf8', cwd: ROOT });

describe('npm run check and npm run build on a repository with a claim reworded after publication', () => {
  const reworded = VALID_FRONTMATTER.replace(
    'European leaders demanded a 30-day ceasefire.',
    'European leaders demanded a ceasefire of 30 days from Monday.',
  );
  const { repo, articles } = fixtureRepo([
    { date: '2025-05-20T10:00:00Z', message: 'publish', files: { 'talks.md': article() } },
    {
      date: '2025-05-21T10:00:00Z',
      message: 'reword',
      files: { 'talks.md': article(`${reworded}updated: 2025-05-21\n`) },
    },
  ]);
  const commit = gitIn(repo, ['rev-parse', '--short=12', 'HEAD']).trim();
  const line = `${relative(ROOT, join(articles, 'talks.md'))}:25:5  error  silent-claim-change  Claim "ceasefire-demand" changed after publication: its statement went from "European leaders demanded a 30-day ceasefire." to "European leaders demanded a ceasefire of 30 days from Monday." (commit ${commit} of 2025-05-21), and no correction dated 2025-05-21 or later cites it; readers must be told, so add to corrections: - { date: 2025-05-21, text: 'We changed the claim [@ceasefire-demand]: it said "European leaders demanded a 30-day ceasefire.".' }`;

  it('npm run check reports it at the claim and exits 1', () => {
    const result = check(articles);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 1,
      stdout: `${line}\n`,
      stderr: '1 article checked: 1 error, 0 warnings\n',
    });
  });

  it('npm run build stops on it and names it', () => {
    const outDir = join(buildDir('silent-claim-'), 'dist');
    const result = runBuildCommand(articles, outDir);
    expect(result.status).toBe(1);
    expect(result.output).toContain(line);
    // The loader renders the article; the report after the pages finds the error in git history.
    expect(result.output).toContain('1 error in articles, listed above; fix them and build again.');
    expect(result.output).toContain(
      `Build failed: fix what is reported above and build again. ${outDir} was left as it was.`,
    );
  });
});
