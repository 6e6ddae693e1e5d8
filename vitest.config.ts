import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Long runs (20-minute narrations, interrupt and parallel builds) live in `npm run test:long`.
    exclude: ['tests/corpus/**', 'tests/**/*-long.test.ts', 'node_modules/**'],
    // A guard against hangs, not a performance check: speed is measured by `npm run bench`.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
