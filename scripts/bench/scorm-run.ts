// One full scripted run through the course inside the strict LMS host: every
// page visited, every quiz answered (correctly), the tab closed. Counts what
// the course asked of the LMS.
import type { Browser } from '@playwright/test';
import type { Course } from '../../src/content/types.ts';
import { answerKey } from '../../src/model/scoring.ts';
import { answerQuiz, closeCourse, launch, record, visitPage } from '../lms-host/driver.ts';
import { startLmsHost } from '../lms-host/server.ts';
import type { ScormVersion } from '../../src/scorm/spec.ts';

export interface RunCounts {
  version: ScormVersion;
  /** every API call the course made, Initialize to Terminate/LMSFinish */
  calls: number;
  commits: number;
  /** what the host's rule checks objected to; empty on a clean run */
  violations: string[];
}

export async function fullRun(browser: Browser, course: Course, version: ScormVersion): Promise<RunCounts> {
  const host = await startLmsHost();
  const context = await browser.newContext({ locale: 'ja-JP' });
  try {
    const page = await context.newPage();
    const frame = await launch(page, host.url, { v: version, fresh: true });
    for (const p of course.pages) await visitPage(frame, p.id);
    for (const q of course.quizzes) await answerQuiz(frame, q.id, answerKey(q));
    await closeCourse(page);
    const r = await record(page);
    if (!r.finished) throw new Error(`SCORM ${version}: the course did not end its session when the tab closed`);
    return { version, calls: r.calls.length, commits: r.commits, violations: r.violations };
  } finally {
    await context.close();
    await host.close();
  }
}
