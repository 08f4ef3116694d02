import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser.ts';

// End-to-end tests drive the built course (npm run build first) in Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // the built course over HTTP for the standalone journeys (tests/e2e/course-driver.ts)
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${process.env.COURSE_PORT ?? '4175'} --strictPort`,
    url: `http://127.0.0.1:${process.env.COURSE_PORT ?? '4175'}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  use: {
    browserName: 'chromium',
    locale: 'ja-JP',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
