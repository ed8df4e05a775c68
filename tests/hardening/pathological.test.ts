import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';
import { PATHOLOGICAL } from './pathological-inputs.ts';

const CHILD = join(ROOT, 'tests/hardening/pathological-child.ts');
// CPU time, not wall time, so that a loaded machine does not make a case fail: the slowest case
// (300 nested lists, which micromark parses in quadratic time) takes about 3 s here, and a parser
// that backtracks exponentially or recurses without end never finishes.
const CASE_LIMIT_MS = 30_000;
// The wall time the whole child may take before it is killed, as a case that never ends would be.
const WALL_LIMIT_MS = 600_000;
const NAMES = Object.keys(PATHOLOGICAL);

interface CaseResult {
  name: string;
  ms: number;
  diagnostics: string[];
  counts: Record<string, number>;
}

// Every case runs in one child process (one start of Node, the checker and the renderer, not one
// per case), which reports each case as it finishes.
let results: Map<string, CaseResult>;
let child: ReturnType<typeof spawnSync>;
beforeAll(() => {
  child = spawnSync(process.execPath, [CHILD, ...NAMES], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: WALL_LIMIT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = String(child.stdout)
    .split('\n')
    .filter((line) => line !== '');
  results = new Map(lines.map((line) => JSON.parse(line) as CaseResult).map((result) => [result.name, result]));
}, WALL_LIMIT_MS + 10_000);

describe('pathological Markdown is checked and rendered in bounded time, unchanged', () => {
  it('runs every case to the end, with nothing on stderr', () => {
    expect(child.signal, `stopped during ${NAMES.find((name) => !results.has(name))}`).toBeNull();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });

  for (const [name, entry] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const result = results.get(name);
      expect(result, `${name} did not finish`).toBeDefined();
      expect(result!.ms, `${name} took ${result!.ms} ms of CPU`).toBeLessThan(CASE_LIMIT_MS);
      expect(result!.counts).toEqual(entry.counts);
      if (!entry.refused) expect(result!.diagnostics).toEqual([]);
      else {
        expect(result!.diagnostics).toHaveLength(entry.refused.count);
        for (const line of result!.diagnostics) expect(line).toContain(`  error  ${entry.refused.rule}  `);
      }
    });
  }
});
