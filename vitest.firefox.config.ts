import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (test/e2e-firefox): Debian's Firefox ESR driven by puppeteer-core
// over WebDriver BiDi. One browser per file, one file at a time: a 2-core machine runs one
// Firefox well, and the fakes bind loopback ports per file.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
