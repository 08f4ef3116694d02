// Drives the built course the way a learner does: clicks, ticks, reads.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { compileContent } from '../../scripts/content/compile.ts';
import { answerKey } from '../../src/model/scoring.ts';
import { passWelcome } from '../../scripts/lms-host/driver.ts';
import { codecIds } from '../../src/app/store.ts';
import { decodeState } from '../../src/model/codec.ts';
import { splitTail } from '../../src/tracking/tail.ts';

export const course = compileContent('content');

/** the state in a suspend_data an LMS holds, decoded (1.2's carries the last interactions after it: src/tracking/tail.ts) */
export const lmsState = (suspendData: string) => decodeState(splitTail(suspendData, course).state, codecIds(course, course.checklist.map((c) => c.id)));
/** the built file opened straight from the disk */
export const COURSE_FILE_URL = pathToFileURL(resolve('dist/course/index.html')).href;
/**
 * The built file served over HTTP (playwright.config.ts starts the server), as
 * an LMS or the preview serves it. Journeys that reload run here: Chromium may
 * start a reloaded file:// page in a new process before the old page's storage
 * writes reach it, which an http origin does not do.
 */
export const COURSE_ORIGIN = `http://127.0.0.1:${process.env.COURSE_PORT ?? '4175'}`;
export const COURSE_URL = `${COURSE_ORIGIN}/index.html`;

export const keyOf = (quizId: string) => answerKey(course.quizzes.find((q) => q.id === quizId)!);

/** A wrong selection for a quiz: the key with its first choice flipped. */
export function wrongOf(quizId: string): string {
  const quiz = course.quizzes.find((q) => q.id === quizId)!;
  const key = answerKey(quiz);
  const first = quiz.choices[0].id;
  if (!key.includes(first)) return key + first;
  return key.length > 1 ? key.replace(first, '') : quiz.choices[1].id;
}

/** Fails the test on any request that leaves the course itself, and on console errors. */
export async function guardPage(page: Page): Promise<{ outside: string[]; errors: string[] }> {
  const outside: string[] = [];
  const errors: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url === COURSE_URL || url.startsWith(`${COURSE_URL}#`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { outside, errors };
}

/** Opens the course; a launch without an address passes the welcome screen, as a learner does. */
export async function openCourse(page: Page, hash = '', url = COURSE_URL): Promise<void> {
  await page.goto(url + hash);
  // the first screen is drawn before the script runs (prerendered): wait for the script
  await expect(page.locator('#app:not([data-prerendered]) h1')).toBeVisible();
  if (!hash) await passWelcome(page);
}

/**
 * The nine-measure navigator of a measure page, and the button it folds behind
 * on a small screen, named with the page's place among the nine (`at`: "7/9").
 */
export function measureNav(page: Page, at: string) {
  const nav = page.getByRole('navigation', { name: '9つの対策' });
  return { nav, toggle: nav.getByRole('button', { name: `9つの対策（${at}）` }) };
}

export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/**
 * Walks every section from the top menu, page by page, with the pager's next
 * link, and returns the headings read. The pager must lead through each
 * section in the order course.yaml gives, and stop at its end.
 */
export async function readEveryPage(page: Page): Promise<string[]> {
  const seen: string[] = [];
  for (const section of course.sections) {
    await page.locator('.site-title').click();
    await expect(page).toHaveURL(/#\/$/);
    await page.locator('.menu-cards').getByRole('link', { name: section.title, exact: true }).click();
    for (const [i, id] of section.pages.entries()) {
      if (i > 0) await page.locator('.pager-next').click();
      await expect(page).toHaveURL(new RegExp(`#/p/${id}$`));
      // the address changes at the click, the screen a moment later
      seen.push(await page.locator(`main article.page-${id} h1`).innerText());
    }
    await expect(page.locator('.pager-next')).toHaveCount(0);
  }
  return seen;
}

export async function answer(page: Page, letters: string): Promise<void> {
  const submit = page.getByRole('button', { name: '解答する' });
  await expect(submit).toBeDisabled();
  for (const letter of letters) await page.locator(`input[name=choice][value=${letter}]`).check();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByTestId('verdict')).toBeVisible();
}

/** Takes one story from its start page to its result page. */
export async function takeStory(page: Page, storyId: string, choose: (quizId: string) => string): Promise<void> {
  const story = course.stories.find((s) => s.id === storyId)!;
  await goTo(page, `#/s/${storyId}`);
  await page.getByRole('link', { name: /クイズを始める|続きから解答する/ }).click();
  for (const quizId of story.quizzes) {
    const quiz = course.quizzes.find((q) => q.id === quizId)!;
    await expect(page.locator('main h1')).toContainText(`クイズ${quiz.number}`);
    await answer(page, choose(quizId));
    await page.getByRole('link', { name: /次のクイズへ|結果を見る/ }).click();
  }
  await expect(page.getByTestId('story-result')).toBeVisible();
}
