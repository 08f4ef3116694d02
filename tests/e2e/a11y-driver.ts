// What the accessibility, keyboard and responsive tests share: the axe check,
// the course's screens and how to know each one is drawn, keyboard moves, and
// the overflow measure.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { answer, course, goTo, keyOf } from './course-driver.ts';
import { encodeState } from '../../src/model/codec.ts';
import { storageKey } from '../../src/tracking/standalone.ts';
import type { LearnerState } from '../../src/model/state.ts';

/**
 * A finished course as this browser would have saved it (COMPLETED), written
 * before the course loads, as a learner's earlier visit left it.
 */
export async function completeCourseState(page: Page): Promise<void> {
  await savedState(page, COMPLETED);
}

/** a finished course: every page read, every quiz right, passed on 2 December 2026, last seen on the menu */
export const COMPLETED: LearnerState = {
  visited: course.pages.map((p) => p.id),
  location: '/',
  answers: Object.fromEntries(course.quizzes.map((q) => [q.id, keyOf(q.id)])),
  stories: Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length, attempts: 1 }])),
  checklist: {},
  passed: true,
  completedOn: '20261202',
};

/** A learner's state as this browser would have saved it, written before the course loads. */
export async function savedState(page: Page, state: LearnerState): Promise<void> {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [storageKey(course.meta.id), encodeState(state)] as const);
}

/** WCAG 2.1 A and AA: the level the course is held to. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's findings on the page (and its frames), one readable line per failing node.
 * axe.run in the page itself, its frames reached through axe's same-origin
 * messaging (AxeBuilder's "legacy mode"): the default opens and closes a blank
 * page for every scan to merge the frames' results, which took most of a scan's
 * time here and reaches only what same-origin messaging reaches too, as long as
 * no frame is from another origin (checked: axe would not look inside one).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const foreign = page.frames().map((f) => f.url()).filter((url) => url !== 'about:blank' && new URL(url).origin !== origin);
  expect(foreign, 'frames axe would leave out').toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode().analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

export interface Screen {
  name: string;
  hash: string;
  /** present once this screen, and not the previous one, is drawn */
  ready: (page: Page) => Locator;
}

const quizNumber = (id: string) => course.quizzes.find((q) => q.id === id)!.number;
const checklistAreas = [...new Set(course.checklist.map((i) => i.area))];

/** a launch's first screen */
export const WELCOME: Screen = { name: 'welcome', hash: '#/start', ready: (p) => p.locator('main section.welcome h1') };

/** the completion screen with its certificate (the course must be complete: see completeCourseState) */
export const COMPLETION: Screen = { name: 'completion', hash: '#/complete', ready: (p) => p.getByTestId('certificate') };

export const MENU: Screen = { name: 'menu', hash: '#/', ready: (p) => p.locator('main section.menu h1') };

export const pageScreen = (id: string): Screen => ({
  name: `page-${id}`,
  hash: `#/p/${id}`,
  ready: (p) => p.locator(`main article.page-${id} h1`),
});

export const PAGE_SCREENS: Screen[] = course.pages.map((p) => pageScreen(p.id));

export const STORY: Screen = { name: 'story', hash: '#/s/story1', ready: (p) => p.locator('main article.story h1', { hasText: 'ストーリー1' }) };

export const QUIZ: Screen = {
  name: 'quiz',
  hash: '#/q/q3_1',
  ready: (p) => p.locator('main article.quiz h1', { hasText: `クイズ${quizNumber('q3_1')}` }),
};

/** a quiz nobody has answered yet */
export const FRESH_QUIZ: Screen = {
  name: 'quiz',
  hash: '#/q/q2_1',
  ready: (p) => p.locator('main article.quiz h1', { hasText: `クイズ${quizNumber('q2_1')}` }),
};

/** the quiz answered wrongly: the longest feedback (verdict, key, explanation, every choice's remark) */
export const QUIZ_ANSWERED: Screen = { name: 'quiz-answered', hash: QUIZ.hash, ready: (p) => p.getByTestId('verdict') };

export const RESULT: Screen = { name: 'story-result', hash: '#/s/story1/result', ready: (p) => p.getByTestId('story-result') };

export const CHECKLIST_HOME: Screen = { name: 'checklist', hash: '#/checklist', ready: (p) => p.locator('main article.checklist-home h1') };

export const CHECKLIST_AREA: Screen = {
  name: 'checklist-area',
  hash: `#/checklist/${checklistAreas[0]}`,
  ready: (p) => p.locator('main article.checklist-area h1', { hasText: course.pages.find((pg) => pg.id === checklistAreas[0])!.title }),
};

export const CHECKLIST_RESULT: Screen = { name: 'checklist-result', hash: '#/checklist/result', ready: (p) => p.locator('main article.checklist-report h1') };

export async function show(page: Page, screen: Screen): Promise<void> {
  await goTo(page, screen.hash);
  await expect(screen.ready(page)).toBeVisible();
}

/**
 * Leaves learner data behind that makes the result screens worth looking at:
 * story 1 taken (one mistake), q3_1 answered wrongly, and every other item of
 * the first checklist area answered.
 */
export async function prepareAnswers(page: Page): Promise<void> {
  await show(page, STORY);
  for (const id of course.stories[0].quizzes) {
    await goTo(page, `#/q/${id}`);
    await expect(page.locator('main article.quiz h1', { hasText: `クイズ${quizNumber(id)}` })).toBeVisible();
    await answer(page, id === 'q1_2' ? 'b' : keyOf(id));
  }
  await show(page, QUIZ);
  await answer(page, 'ab');
  await show(page, CHECKLIST_AREA);
  const radios = page.locator('main .checklist-item');
  const count = await radios.count();
  for (let i = 0; i < count; i += 2) await radios.nth(i).locator('input[type=radio]').nth(i % 4).check();
}

/** true when the element has keyboard focus */
export const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until the target has focus, as a keyboard user
 * would, and fails after `limit` presses.
 */
export async function tabTo(page: Page, target: Locator, { back = false, limit = 80 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (!(await isFocused(target))) throw new Error(`${target} not reached with ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** how far the page is wider than its viewport, in CSS pixels (0 when it fits) */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
