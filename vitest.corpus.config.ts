import { defineConfig } from 'vitest/config';

/** The corpus conformance suite: reads ../shared/corpus beside the checkout. */
export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
