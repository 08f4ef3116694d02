// One place that knows how this project starts Chromium: Debian's builds where
// Playwright cannot download its own (this machine, CI), Playwright's elsewhere.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Which Chromium a caller needs.
 * - `tests`: the headless shell, Chromium's page engine without the browser around it, which is
 *   what Playwright's own `chromium` runs headless; the browser suite took 8.6–9.5 minutes on it
 *   against 13 on the whole browser (2026-12-06, 160 tests, this 2-core machine).
 * - `learner`: the whole browser, as a learner's Chrome or Edge is: the bench's timings and the
 *   README's screenshots. The shell draws the same pages, but it picks its fonts without the
 *   page's language (DejaVu Sans comes first, bold Japanese drawn from the regular face).
 */
export type ChromiumUse = 'tests' | 'learner';

const DEBIAN_BUILDS: Record<ChromiumUse, readonly string[]> = {
  // the whole browser still runs the tests where the shell's package is missing
  tests: ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'],
  learner: ['/usr/bin/chromium'],
};

export function chromiumLaunchOptions(use: ChromiumUse): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? DEBIAN_BUILDS[use].find((path) => existsSync(path));
  return {
    executablePath,
    // Playwright's own builds: headless, it runs its shell unless asked for the whole browser
    channel: executablePath === undefined && use === 'learner' ? 'chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}
