import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser.ts';

// The Moodle suite (npm run test:moodle): the built zips in a real Moodle that
// scripts/moodle-suite.sh has brought up. One worker: every test is student1 in
// the same Moodle, and the journeys are long and the machine small.
export default defineConfig({
  testDir: 'tests/moodle',
  // generous: Moodle and Chromium share a small machine; nothing here asserts a timing
  timeout: 20 * 60_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  // apart from the e2e suite's test-results/, which a concurrent npm test empties
  outputDir: 'test-results-moodle',
  use: {
    browserName: 'chromium',
    locale: 'ja-JP',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    actionTimeout: 120_000,
    navigationTimeout: 180_000,
  },
});
