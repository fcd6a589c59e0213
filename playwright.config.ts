import { defineConfig } from '@playwright/test';

// The built extension in Debian's Chromium (see test/e2e/fixtures.ts); one browser at a
// time, as each test starts its own with a fresh profile on a 2-core machine.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { actionTimeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
