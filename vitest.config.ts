import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships a CommonJS and an ES build. Node gives the server the CommonJS one (package.json
// "main"), and so to Apollo, graphql-jit and graphql-tools in the tests; Vite would give our own
// sources the ES one, and two copies of graphql refuse each other's schema objects.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
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
