import { defineConfig } from 'vitest/config';

/**
 * Two projects, told apart by the file name alone:
 * - `site` (`*.site.test.ts`): tests that run Astro (`astro build` or `astro dev`, in a child
 *   process) or drive a browser: minutes, not seconds.
 * - `unit` (every other `*.test.ts`, `npm run test:unit`): under a minute on two cores.
 * `npm test` runs both. A test that builds a site must be named `*.site.test.ts`.
 */
const SITE_TESTS = 'tests/**/*.site.test.ts';

export default defineConfig({
  test: {
    projects: [
      // Unit test files side by side, one a core; site tests one at a time, after them (each runs
      // Astro and its worker threads, or a browser, and takes the machine's cores to itself).
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [SITE_TESTS],
          maxWorkers: '100%',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: [SITE_TESTS],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
    // Generous for a loaded machine: unit tests spawn the checker and worker threads.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
