// First contentful paint of the course against a one-file minimal SCO, both
// launched in the same LMS host page (scripts/lms-host), in the same run,
// interleaved, on a CPU slowed down the way DevTools slows it for a low-end
// phone; and how long a page change takes to reach the screen there.
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Frame } from '@playwright/test';
import { startLmsHost } from '../lms-host/server.ts';

export const CPU_SLOWDOWN = 4;
/**
 * launches of each, alternating course and minimal SCO: on the shared 2-core
 * machine single launches vary by a third either way, and with 7 the ratio of
 * the medians moved by 0.3 from one run to the next
 */
export const PAINT_RUNS = 15;
/** the pages a page change opens, one after the other, in each course launch */
export const PAGE_CHANGE_TARGETS = ['m_decide', 'm_access', 'leak_cases', 'm_electronic'];
/** where the host page launches a SCO of SCORM 2004, the course or the minimal one */
const SCO_PATH = '/course/2004/';

/**
 * The smallest SCO that does what every SCO does on launch: a title and a line
 * of text in the HTML, a script that finds the LMS's API and initializes.
 */
export const MINIMAL_SCO = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>最小のSCO</title></head>
<body><main><h1>技術等情報管理に関する研修</h1><p>この研修では、技術等情報を守るための対策を学びます。</p></main>
<script>
(function () {
  var w = window, api = null;
  for (var i = 0; w && i < 10 && !api; i++) { api = w.API_1484_11 || null; if (w === w.parent) break; w = w.parent; }
  if (api) { api.Initialize(''); api.SetValue('cmi.completion_status', 'incomplete'); api.Commit(''); }
})();
</script></body></html>
`;

export interface PaintFigures {
  course: number[];
  minimal: number[];
  courseMedian: number;
  minimalMedian: number;
  /** courseMedian / minimalMedian */
  ratio: number;
  /** the course's welcome screen drawn whole, each launch, its median, and that ÷ the minimal SCO's first paint */
  courseWhole: number[];
  courseWholeMedian: number;
  wholeRatio: number;
  /** course ÷ minimal SCO of each interleaved pair of launches, lower quartile, median, upper quartile */
  pairRatios: [number, number, number];
  /** ms from the hash change to the new screen's next frame, every change measured */
  pageChanges: number[];
  pageChangeMedian: number;
}

/** the value at fraction q of the way through the sorted values, interpolating between neighbours */
export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
};

export const median = (values: number[]): number => quantile(values, 0.5);

/**
 * When the SCO's frame drew something, on the frame's own clock (from its
 * navigation start): the first buffered performance entry of `type` named
 * `id` — a paint entry by its name, an element-timing entry by the
 * `elementtiming` it was marked with — at its render time where it has one.
 */
const framePaint = (frame: Frame, type: 'paint' | 'element', id: string) =>
  frame.evaluate(
    ([type, id]) =>
      new Promise<number>((resolve) =>
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((e) => e.name === id || (e as { identifier?: string }).identifier === id);
          if (!entry) return;
          observer.disconnect();
          resolve((entry as { renderTime?: number }).renderTime || entry.startTime);
        }).observe({ type, buffered: true }),
      ),
    [type, id] as const,
  );

/** the course's first contentful paint, or the minimal SCO's */
const firstPaint = (frame: Frame) => framePaint(frame, 'paint', 'first-contentful-paint');

/**
 * When the welcome screen is drawn whole: its first frame holds only the top
 * (src/styles.css), the rest follows, and the view marks a part of that rest
 * for the browser's element timing (Welcome.tsx).
 */
const wholeScreenPaint = (frame: Frame) => framePaint(frame, 'element', 'welcome-whole');

/**
 * From setting the address to the new screen drawn: requestAnimationFrame runs
 * just before a frame is drawn; once the new screen is in the DOM there, a task
 * queued then runs after that frame has been drawn.
 */
const pageChange = (frame: Frame, pageId: string) =>
  // no named functions inside: the bench runs through tsx, whose helpers do not exist in the page
  frame.evaluate(async (id) => {
    const start = performance.now();
    location.hash = `#/p/${id}`;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelector(`main article.page-${id} h1`)) break;
    }
    await new Promise((r) => setTimeout(r));
    return performance.now() - start;
  }, pageId);

/**
 * Settles when the SCO's frame has painted its first content, as the browser
 * reports it (CDP lifecycle events), without looking into the frame: the first
 * locator Playwright runs in a frame injects its own script there, which at 4×
 * slowdown takes about 100 ms of the frame's main thread and would land inside
 * the paint being measured, later for a SCO that paints later.
 */
async function scoPainted(cdp: CDPSession): Promise<void> {
  const scoFrames = new Set<string>();
  const painted = new Promise<void>((resolve) => {
    cdp.on('Page.frameNavigated', ({ frame }) => {
      if (frame.url.includes(SCO_PATH)) scoFrames.add(frame.id);
    });
    cdp.on('Page.lifecycleEvent', ({ frameId, name }) => {
      if (name === 'firstContentfulPaint' && scoFrames.has(frameId)) resolve();
    });
  });
  await cdp.send('Page.enable');
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
  return painted;
}

async function launch(browser: Browser, hostUrl: string, kind: 'course' | 'minimal', pageChanges: number[]): Promise<{ first: number; whole: number }> {
  // a fresh context each run: nothing cached, no stored learner state
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 768 } });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith(hostUrl) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const painted = scoPainted(cdp);
    // a shared machine can be slow: wait for the SCO itself, not for the host's load event
    await page.goto(`${hostUrl}?v=2004&fresh=1`, { waitUntil: 'commit', timeout: 120_000 });
    await withTimeout(painted, 120_000, 'the SCO never painted');
    const handle = page.frames().find((f) => f.url().includes(SCO_PATH))!;
    const fcp = await firstPaint(handle);
    // the minimal SCO draws all it has in its first frame
    let whole = fcp;
    if (kind === 'course') {
      whole = await withTimeout(wholeScreenPaint(handle), 120_000, 'the welcome screen was never drawn whole');
      // the page changes go through the course's router, which its script sets up
      await handle.locator('#app:not([data-prerendered])').waitFor({ timeout: 120_000 });
      for (const id of PAGE_CHANGE_TARGETS) pageChanges.push(await pageChange(handle, id));
    }
    return { first: fcp, whole };
  } finally {
    await context.close();
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

export async function measurePaint(browser: Browser): Promise<PaintFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'minimal-sco-'));
  const minimalPath = join(dir, 'index.html');
  await writeFile(minimalPath, MINIMAL_SCO);
  const courseHost = await startLmsHost({ port: 0 });
  const minimalHost = await startLmsHost({ port: 0, coursePath: minimalPath });
  try {
    const course: number[] = [];
    const minimal: number[] = [];
    const courseWhole: number[] = [];
    const pageChanges: number[] = [];
    // one warm-up launch of each, not counted: the first launch of a browser pays for its own start
    await launch(browser, minimalHost.url, 'minimal', []);
    await launch(browser, courseHost.url, 'course', []);
    for (let i = 0; i < PAINT_RUNS; i++) {
      const c = await launch(browser, courseHost.url, 'course', pageChanges);
      const m = await launch(browser, minimalHost.url, 'minimal', pageChanges);
      course.push(c.first);
      courseWhole.push(c.whole);
      minimal.push(m.first);
    }
    const courseMedian = median(course);
    const minimalMedian = median(minimal);
    const courseWholeMedian = median(courseWhole);
    const pairs = course.map((c, i) => c / minimal[i]);
    return {
      course,
      minimal,
      courseMedian,
      minimalMedian,
      ratio: courseMedian / minimalMedian,
      courseWhole,
      courseWholeMedian,
      wholeRatio: courseWholeMedian / minimalMedian,
      pairRatios: [quantile(pairs, 0.25), median(pairs), quantile(pairs, 0.75)],
      pageChanges,
      pageChangeMedian: median(pageChanges),
    };
  } finally {
    await Promise.all([courseHost.close(), minimalHost.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}
