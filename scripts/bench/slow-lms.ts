// The longest stretch the page's main thread is blocked around an answer when
// every LMS call takes SLOW_CALL_MS (a synchronous call to a slow server, as the
// LMS host's `slow` fault makes it). Long tasks (over 50 ms) are read from the
// course frame's PerformanceObserver; the host page and the course share one
// thread, so the LMS's calls are in them.
import type { Browser } from '@playwright/test';
import type { Course } from '../../src/content/types.ts';
import { answerKey } from '../../src/model/scoring.ts';
import { answerQuiz, launch, record } from '../lms-host/driver.ts';
import { startLmsHost } from '../lms-host/server.ts';

export const SLOW_CALL_MS = 100;
/** answers measured per version */
const ANSWERS = 3;

export interface SlowRun {
  version: '1.2' | '2004';
  /** longest main-thread block from a click on 解答する until the LMS is quiet, in ms, per answer */
  longestBlocks: number[];
  /** LMS calls each answer caused */
  callsPerAnswer: number[];
}

export async function slowLmsRun(browser: Browser, course: Course, version: '1.2' | '2004'): Promise<SlowRun> {
  const host = await startLmsHost();
  const context = await browser.newContext({ locale: 'ja-JP' });
  const out: SlowRun = { version, longestBlocks: [], callsPerAnswer: [] };
  try {
    const page = await context.newPage();
    const frame = await launch(page, host.url, { v: version, fresh: true, slow: SLOW_CALL_MS });
    const quiet = async () => {
      for (let last = -1; ; ) {
        const n = (await record(page)).calls.length;
        if (n === last) return n;
        last = n;
        await page.waitForTimeout(SLOW_CALL_MS * 5);
      }
    };
    for (const quiz of course.quizzes.slice(0, ANSWERS)) {
      const before = await quiet();
      await frame.evaluate(() => {
        const w = window as unknown as { longest: number; observer?: PerformanceObserver };
        w.longest = 0;
        w.observer?.disconnect();
        w.observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
        });
        w.observer.observe({ type: 'longtask' });
      });
      await answerQuiz(frame, quiz.id, answerKey(quiz));
      const after = await quiet();
      out.longestBlocks.push(await frame.evaluate(() => (window as unknown as { longest: number }).longest));
      out.callsPerAnswer.push(after - before);
    }
    return out;
  } finally {
    await context.close();
    await host.close();
  }
}
