import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');

let project: string | undefined;
afterEach(() => {
  if (project) rmSync(project, { recursive: true, force: true });
  project = undefined;
});

/** A project with the repository's lint configuration and the given files; returns its folder. */
function projectWith(files: Record<string, string>): string {
  project = mkdtempSync(join(tmpdir(), 'sourced-lint-'));
  for (const file of ['.dependency-cruiser.cjs', 'scripts/pipeline-layers.cjs', 'scripts/lint-astro-imports.ts']) {
    cpSync(join(ROOT, file), join(project, file));
  }
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  return project;
}

function depcruise(cwd: string) {
  const bin = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
  const result = spawnSync(NODE, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

function astroLint(cwd: string) {
  const result = spawnSync(NODE, [join(cwd, 'scripts/lint-astro-imports.ts')], { cwd, encoding: 'utf8' });
  return { status: result.status, output: result.stderr };
}

describe('npm run lint: the pipeline layers', () => {
  it('accepts imports from the same or an earlier layer', () => {
    const cwd = projectWith({
      'src/format/id.ts': 'export const id = 1;\n',
      'src/site/paths.ts': "import { id } from '../format/id.ts';\nexport const path = id;\n",
      'src/cli/build.ts': "import { path } from '../site/paths.ts';\nexport const out = path;\n",
      'src/pages/index.astro': "---\nimport { path } from '../site/paths.ts';\n---\n<p>{path}</p>\n",
    });
    expect(depcruise(cwd).status).toBe(0);
    expect(astroLint(cwd)).toEqual({ status: 0, output: '1 .astro files checked: 0 violations\n' });
  });

  it('refuses a module that imports from a later layer, naming the rule', () => {
    const cwd = projectWith({
      'src/format/id.ts': "import { path } from '../site/paths.ts';\nexport const id = path;\n",
      'src/site/paths.ts': 'export const path = 1;\n',
    });
    const { status, output } = depcruise(cwd);
    expect(status).not.toBe(0);
    expect(output).toContain('format-imports-later-layer: src/format/id.ts → src/site/paths.ts');
  });

  it('refuses a module in a folder that has no place in the pipeline', () => {
    const cwd = projectWith({
      'src/helpers/misc.ts': "import { id } from '../format/id.ts';\nexport const misc = id;\n",
      'src/format/id.ts': 'export const id = 1;\n',
    });
    const { status, output } = depcruise(cwd);
    expect(status).not.toBe(0);
    expect(output).toContain('not-in-a-layer: src/helpers/misc.ts → src/format/id.ts');
  });

  it('refuses a component that imports from a page or the command line, in its frontmatter or a script', () => {
    const cwd = projectWith({
      'src/components/Card.astro':
        "---\nimport { run } from '../cli/build.ts';\n---\n<p>{run}</p>\n<script>\n  import '../pages/x.ts';\n</script>\n",
      'src/cli/build.ts': 'export const run = 1;\n',
      'src/pages/x.ts': 'export {};\n',
    });
    expect(astroLint(cwd)).toEqual({
      status: 1,
      output:
        'src/components/Card.astro -> src/cli/build.ts  ui-imports-later-layer  ui comes before cli in the pipeline (see docs/architecture.md)\n' +
        'src/components/Card.astro -> src/pages/x.ts  ui-imports-later-layer  ui comes before pages in the pipeline (see docs/architecture.md)\n' +
        '1 .astro files checked: 2 violations\n',
    });
  });
});
