import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build and browser tests run `astro build` in a child process.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
