import { describe, expect, it } from 'vitest';
import { buildSite, writeArticles } from '../helpers/site.ts';
import { articleWith, PATHOLOGICAL } from './pathological-inputs.ts';

describe('a site built from the pathological articles', () => {
  const accepted = Object.entries(PATHOLOGICAL).filter(([, entry]) => !entry.refused);

  it('builds every page, each with its content intact', () => {
    const dir = writeArticles(
      Object.fromEntries(accepted.map(([name, entry]) => [`${name}.md`, articleWith(entry.body)])),
    );
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
