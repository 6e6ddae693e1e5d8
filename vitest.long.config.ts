import { defineConfig } from 'vitest/config';

/** The long suite: tests whose inputs are minutes of audio or whole builds run several times. */
export default defineConfig({
  test: {
    include: ['tests/**/*-long.test.ts'],
    exclude: ['tests/corpus/**', 'node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
