import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser.ts';

/** COURSE_PORT, else 4300–4799 from this checkout's path, so two checkouts do not meet on one port */
const COURSE_PORT = process.env.COURSE_PORT ?? String(4300 + ([...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 500));
// the workers (tests/e2e/course-driver.ts) read it from here
process.env.COURSE_PORT = COURSE_PORT;

// End-to-end tests drive the built course (npm run build first) in Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // the built course over HTTP for the standalone journeys (tests/e2e/course-driver.ts), on a
  // port of this checkout's own (COURSE_PORT, or one derived from its path) and never a server
  // already running there: that could be another checkout's build
  webServer: {
    command: `npx tsx scripts/serve.ts dist/course --port ${COURSE_PORT}`,
    url: `http://127.0.0.1:${COURSE_PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  use: {
    browserName: 'chromium',
    locale: 'ja-JP',
    launchOptions: chromiumLaunchOptions('tests'),
    // a failed test keeps its trace (actions, DOM snapshots, network, console) and a screenshot;
    // the trace's screencast is left out: filming every page of every passing test took about
    // a third of the suite's CPU on a 2-core machine, and the DOM snapshots show the same screens
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
});
