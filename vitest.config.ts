import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests wait for what the page shows; on a loaded 2-core machine that can take seconds.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
