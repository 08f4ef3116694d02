import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/browser.ts';

// End-to-end tests drive the built course (npm run build first) in Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    locale: 'ja-JP',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
