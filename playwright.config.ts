import { defineConfig } from '@playwright/test';

// Both extensions are built by `npm run test:e2e` before this runs: extension/ (Chromium, through
// Playwright) and extension-firefox/ (Firefox ESR, through puppeteer-core over WebDriver BiDi).
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', testIgnore: 'firefox/**' },
    { name: 'firefox', testDir: 'e2e/firefox' },
  ],
});
