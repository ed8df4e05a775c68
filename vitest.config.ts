import { defineConfig } from 'vitest/config';

/**
 * Tests that build a site with Astro (in a child process) or drive a browser: minutes, not seconds.
 * Everything else is a unit test (`npm run test:unit`, under a minute); `npm test` runs both.
 */
const SITE_TESTS = [
  'tests/build/**/*.test.ts',
  'tests/browser/**/*.test.ts',
  'tests/publishing/build.test.ts',
  'tests/hardening/bad-build.test.ts',
  'tests/hardening/pathological-build.test.ts',
  'tests/hardening/output.test.ts',
  'tests/bench-run.test.ts',
  'tests/history/history-build.test.ts',
  'tests/history/public-history.test.ts',
  'tests/history/silent-claim-change-build.test.ts',
  'tests/hardening/printed-fixes.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SITE_TESTS } },
      // Build and browser tests run `astro build` in a child process.
      { extends: true, test: { name: 'site', include: SITE_TESTS, testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
    // Generous for a loaded machine: unit tests spawn the checker and worker threads.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
