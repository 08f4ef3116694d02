// Time to first contentful paint of the standalone course, served over
// 127.0.0.1, on a CPU slowed down the way DevTools slows it for a low-end phone.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { COURSE_HTML } from '../package/targets.ts';

export const CPU_SLOWDOWN = 4;
export const PAINT_RUNS = 5;

export interface PaintTimes {
  runs: number[];
  median: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  // a fresh context each run: nothing cached, no stored learner state
  const context = await browser.newContext({ locale: 'ja-JP' });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url);
    await page.locator('main h1').waitFor();
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          new PerformanceObserver((list, observer) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (!entry) return;
            observer.disconnect();
            resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true }),
        ),
    );
  } finally {
    await context.close();
  }
}

export async function measurePaint(browser: Browser): Promise<PaintTimes> {
  const html = await readFile(COURSE_HTML);
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const runs: number[] = [];
    for (let i = 0; i < PAINT_RUNS; i++) runs.push(await firstContentfulPaint(browser, url));
    return { runs, median: median(runs) };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
