// Drives the course inside the LMS host from Playwright: launch with settings,
// take pages and quizzes in the course frame, read what the LMS recorded.
import { expect, type Frame, type Page, type Request, type Route } from '@playwright/test';
import type { CallRecord, StoredAttempt } from './host.ts';
import type { ScormVersion } from '../../src/scorm/spec.ts';

export interface LaunchParams {
  v: ScormVersion;
  mode?: 'normal' | 'review' | 'browse';
  mastery?: number;
  learner?: string;
  /** the learner's name as the LMS holds it, e.g. "山田, 花子" */
  name?: string;
  fault?: string;
  /** element refused by SetValue (`*` for an index), and how often (default once) */
  refuse?: string;
  refuseTimes?: number | 'always';
  /** ms every call takes */
  slow?: number;
  /** ms until the API appears */
  lateApi?: number;
  /** from the host page's beforeunload on, Commit and Terminate answer "true", send a beacon (BEACON_PATH) and store nothing (Moodle's, never landing) */
  beacon?: boolean;
  /** a flat CMI to launch with (replaces the stored attempt) */
  cmi?: Record<string, string>;
  fresh?: boolean;
}

export interface HostRecord {
  calls: CallRecord[];
  violations: string[];
  commits: number;
  finished: boolean;
  cmi: Record<string, string>;
  launched: Record<string, string>;
  stored: StoredAttempt | null;
}

export function hostUrl(base: string, p: LaunchParams): string {
  const q = new URLSearchParams({ v: p.v });
  if (p.mode) q.set('mode', p.mode);
  if (p.mastery !== undefined) q.set('mastery', String(p.mastery));
  if (p.learner) q.set('learner', p.learner);
  // '' is a name too: an LMS that sends none
  if (p.name !== undefined) q.set('name', p.name);
  if (p.fault) q.set('fault', p.fault);
  if (p.refuse) q.set('refuse', p.refuse);
  if (p.refuseTimes !== undefined) q.set('refuseTimes', String(p.refuseTimes));
  if (p.slow) q.set('slow', String(p.slow));
  if (p.lateApi) q.set('lateApi', String(p.lateApi));
  if (p.beacon) q.set('beacon', '1');
  if (p.fresh) q.set('fresh', '1');
  if (p.cmi) q.set('cmi', Buffer.from(JSON.stringify(p.cmi)).toString('base64url'));
  return `${base}?${q}`;
}

/** the welcome screen, once the script has taken over the prerendered one (a click before that would go nowhere) */
export const LIVE_WELCOME = '#app:not([data-prerendered]) main section.welcome h1';

/**
 * A launch opens at the welcome screen: its one primary button (はじめる, or
 * 続きから to the saved place) leads on, as a learner goes.
 */
export async function passWelcome(root: Page | Frame): Promise<void> {
  await expect(root.locator(LIVE_WELCOME)).toBeVisible();
  await root.getByTestId('welcome-go').click();
  await expect(root.locator('main section.welcome')).toHaveCount(0);
  await expect(root.locator('main h1')).toBeVisible();
}

/** the course's frame, showing the welcome screen a launch opens at, its script running */
export async function welcomeFrame(page: Page): Promise<Frame> {
  const frame = page.frameLocator('#course');
  await expect(frame.locator(LIVE_WELCOME)).toBeVisible();
  const found = page.frames().find((f) => /\/course\/(1\.2|2004)\//.test(f.url()));
  if (!found) throw new Error('the course frame is not loaded');
  return found;
}

/** the course's frame, past the welcome screen */
export async function courseFrame(page: Page): Promise<Frame> {
  const frame = await welcomeFrame(page);
  await passWelcome(frame);
  return frame;
}

export async function launch(page: Page, base: string, p: LaunchParams): Promise<Frame> {
  await page.goto(hostUrl(base, p));
  return courseFrame(page);
}

export async function record(page: Page): Promise<HostRecord> {
  await page.waitForFunction(() => window.lmsHost !== undefined);
  return page.evaluate(() => {
    const h = window.lmsHost!;
    return { calls: h.calls, violations: h.violations, commits: h.commits, finished: h.finished, cmi: h.cmi(), launched: h.launched, stored: h.stored() };
  });
}

export async function goTo(frame: Frame, path: string): Promise<void> {
  await frame.evaluate((h) => (location.hash = h), `#${path}`);
}

/** Opens a quiz, ticks the letters, submits, waits for the verdict. */
export async function answerQuiz(frame: Frame, quizId: string, letters: string): Promise<void> {
  await goTo(frame, `/q/${quizId}`);
  await expect(frame.locator('main h1')).toContainText(`クイズ${quizId.slice(1).replace('_', '-')}`);
  const submit = frame.getByRole('button', { name: '解答する' });
  await expect(submit).toBeVisible();
  for (const letter of letters) await frame.locator(`input[name=choice][value=${letter}]`).check();
  await submit.click();
  await expect(frame.getByTestId('verdict')).toBeVisible();
}

export async function visitPage(frame: Frame, pageId: string): Promise<void> {
  await goTo(frame, `/p/${pageId}`);
  await expect(frame.locator(`article.page-${pageId} h1`)).toBeVisible();
}

/** Ends the session as a closed tab does: the top page goes away, pagehide runs in the frame. */
export async function closeCourse(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frame = document.getElementById('course') as HTMLIFrameElement;
    frame.remove();
  });
}

/**
 * Goes to `url`, whose response is held until the page has sent a request that
 * `awaited` picks (or `boundMs` has passed), then made by `respond`: what the
 * page does between its beforeunload and the next page, in a gap that lasts
 * until it has happened. Whether it happened in the gap is returned.
 */
export async function gotoAfter(
  page: Page,
  url: string,
  awaited: (request: Request) => boolean,
  boundMs: number,
  respond: (route: Route) => Promise<void>,
): Promise<boolean> {
  let seen: () => void = () => {};
  const sent = new Promise<true>((resolve) => (seen = () => resolve(true)));
  const watch = (request: Request) => {
    if (awaited(request)) seen();
  };
  page.on('request', watch);
  let inGap = false;
  await page.route(
    url,
    async (route) => {
      inGap = await Promise.race([sent, new Promise<false>((resolve) => setTimeout(resolve, boundMs, false))]);
      await respond(route);
    },
    { times: 1 },
  );
  await page.goto(url);
  page.off('request', watch);
  return inGap;
}
