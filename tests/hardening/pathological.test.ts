import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, ROOT, writeArticles } from '../helpers/site.ts';
import { articleWith, PATHOLOGICAL } from './pathological-inputs.ts';

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

describe('a site built from the pathological articles', () => {
  const accepted = Object.entries(PATHOLOGICAL).filter(([, entry]) => !entry.refused);

  it('builds every page, each with its content intact', () => {
    const dir = writeArticles(Object.fromEntries(accepted.map(([name, entry]) => [`${name}.md`, articleWith(entry.body)])));
    // buildSite stops the build after 300 s; a hang in any article fails this test rather than the whole run.
    const site = buildSite(dir);
    expect(site.status, site.output).toBe(0);
    for (const [name, entry] of accepted) {
      const page = site.read(`articles/${name}/index.html`);
      // The layout adds lists and links of its own, so the page holds at least what the body produced.
      for (const [needle, count] of Object.entries(entry.counts).filter(([, count]) => count > 0)) {
        expect(page.split(needle).length - 1, `${name}: ${needle}`).toBeGreaterThanOrEqual(count);
      }
    }
  });
});
