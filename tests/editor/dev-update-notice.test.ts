import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

describe('npm run dev', () => {
  it("never tells editors to upgrade Astro: the project's config turns Astro's update check off", async () => {
    const before = process.env.ASTRO_DISABLE_UPDATE_CHECK;
    delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
    try {
      await import('../../astro.config.mjs');
      expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBe('true');
      // Astro's own test: with the check due (never made) and enabled in the preferences, the variable alone stops it.
      const { shouldCheckForUpdates } = (await import(
        pathToFileURL(join(ROOT, 'node_modules/astro/dist/core/dev/update-check.js')).href
      )) as { shouldCheckForUpdates(preferences: unknown): Promise<boolean> };
      const preferences = { get: async (key: string) => (key === 'checkUpdates.enabled' ? true : 0) };
      const ci = process.env.CI;
      expect(await shouldCheckForUpdates(preferences)).toBe(false);
      process.env.ASTRO_DISABLE_UPDATE_CHECK = 'false';
      // Outside CI the same preferences would check (ci-info reads the environment when Astro loads).
      if (!ci) expect(await shouldCheckForUpdates(preferences)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
      else process.env.ASTRO_DISABLE_UPDATE_CHECK = before;
    }
  });
});
