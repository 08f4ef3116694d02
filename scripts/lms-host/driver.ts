// Drives the course inside the LMS host from Playwright: launch with settings,
// take pages and quizzes in the course frame, read what the LMS recorded.
import { expect, type Frame, type Page } from '@playwright/test';
import type { CallRecord, StoredAttempt } from './host.ts';

export interface LaunchParams {
  v: '1.2' | '2004';
  mode?: 'normal' | 'review' | 'browse';
  mastery?: number;
  learner?: string;
  /** the learner's name as the LMS holds it, e.g. "山田, 花子" */
  name?: string;
  fault?: string;
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
  stored: StoredAttempt | null;
}

export function hostUrl(base: string, p: LaunchParams): string {
  const q = new URLSearchParams({ v: p.v });
  if (p.mode) q.set('mode', p.mode);
  if (p.mastery !== undefined) q.set('mastery', String(p.mastery));
  if (p.learner) q.set('learner', p.learner);
  if (p.name) q.set('name', p.name);
  if (p.fault) q.set('fault', p.fault);
  if (p.fresh) q.set('fresh', '1');
  if (p.cmi) q.set('cmi', Buffer.from(JSON.stringify(p.cmi)).toString('base64url'));
  return `${base}?${q}`;
}

/**
 * A launch opens at the welcome screen: its one primary button (はじめる, or
 * 続きから to the saved place) leads on, as a learner goes.
 */
export async function passWelcome(root: Page | Frame): Promise<void> {
  await expect(root.locator('main section.welcome h1')).toBeVisible();
  await root.getByTestId('welcome-go').click();
  await expect(root.locator('main section.welcome')).toHaveCount(0);
  await expect(root.locator('main h1')).toBeVisible();
}

/** the course's frame, showing the welcome screen a launch opens at */
export async function welcomeFrame(page: Page): Promise<Frame> {
  const frame = page.frameLocator('#course');
  await expect(frame.locator('main section.welcome h1')).toBeVisible();
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
  return page.evaluate(() => {
    const h = window.lmsHost!;
    return { calls: h.calls, violations: h.violations, commits: h.commits, finished: h.finished, cmi: h.cmi(), stored: h.stored() };
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
