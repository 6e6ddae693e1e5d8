import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/corpus/**', 'node_modules/**'],
    // A guard against hangs, not a performance check: speed is measured by `npm run bench`.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
