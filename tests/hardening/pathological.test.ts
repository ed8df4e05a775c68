import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';
import { PATHOLOGICAL } from './pathological-inputs.ts';

const CHILD = join(ROOT, 'tests/hardening/pathological-child.ts');
// Generous for a loaded CI machine; a parser that backtracks exponentially or recurses without end never finishes.
const TIME_LIMIT_MS = 30_000;

describe('pathological Markdown is checked and rendered in bounded time, unchanged', () => {
  for (const [name, entry] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const result = spawnSync(process.execPath, [CHILD, name], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: TIME_LIMIT_MS,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(result.signal, `${name} did not finish within ${TIME_LIMIT_MS} ms`).toBeNull();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const { diagnostics, counts } = JSON.parse(result.stdout) as { diagnostics: string[]; counts: Record<string, number> };
      expect(counts).toEqual(entry.counts);
      if (!entry.refused) expect(diagnostics).toEqual([]);
      else {
        expect(diagnostics).toHaveLength(entry.refused.count);
        for (const line of diagnostics) expect(line).toContain(`  error  ${entry.refused.rule}  `);
      }
    });
  }
});
