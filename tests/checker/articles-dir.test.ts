import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { ROOT, writeArticles } from '../helpers/site.ts';

describe('npm run check with SOURCED_ARTICLES_DIR', () => {
  it('checks the folder it names, as npm run build and npm run new do', () => {
    const dir = writeArticles({
      'bad.md': article(VALID_FRONTMATTER, VALID_BODY.replace('[@kyiv-statement]', '[@kyiv]')),
      'good.md': article(),
    });
    const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts')], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, SOURCED_ARTICLES_DIR: dir },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${relative(ROOT, join(dir, 'bad.md'))}:35:22  error  unknown-citation  Citation [@kyiv] matches no source or claim. Known ids: kyiv-statement, reuters-talks, ceasefire-demand.\n`,
    );
    expect(result.stderr).toBe('2 articles checked: 1 error, 0 warnings\n');
  });
});
