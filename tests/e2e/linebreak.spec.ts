// Japanese line breaking, measured in the browser: on every screen at 360 px,
// 1366 px and 683 px (a laptop at 200 % zoom), no heading, button, tab, card label or navigator label wraps so
// that a line holds a single character, no paragraph, list item or notice
// ends on such a line, and the course's prose wraps only
// where the page marked a phrase boundary (<wbr>), at a space or next to
// punctuation. Lines are found from where each character is drawn
// (Range.getClientRects), not from string lengths.
import { expect, test, type Page } from '@playwright/test';
import { COURSE_URL, openCourse } from './course-driver.ts';
import {
  CHECKLIST_AREA,
  CHECKLIST_HOME,
  CHECKLIST_RESULT,
  COMPLETION,
  completeCourseState,
  MENU,
  PAGE_SCREENS,
  pageScreen,
  QUIZ_ANSWERED,
  RESULT,
  prepareAnswers,
  show,
  type Screen,
  WELCOME,
} from './a11y-driver.ts';
import { course } from './course-driver.ts';
import { LABELLED, linesOnScreen, MEASURED, type Lines } from './lines.ts';

const storyScreens: Screen[] = course.stories.map((s) => ({
  name: `story-${s.id}`,
  hash: `#/s/${s.id}`,
  ready: (p) => p.locator('main article.story h1', { hasText: `ストーリー${s.number}` }),
}));

/** The lines of the screen's labels, marked text and running text. */
const measureLines = (page: Page): Promise<Lines> => page.evaluate(linesOnScreen, MEASURED);

for (const [width, height] of [
  [360, 740],
  [1366, 768],
  // 200 % zoom on that laptop: the pager's arrows were left alone on a line there
  [683, 384],
]) {
  test(`no heading, button or card label leaves one character alone on a line, no paragraph ends on one, and prose breaks only between phrases, at ${width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    await openCourse(page);
    await prepareAnswers(page);
    const problems: string[] = [];
    const inside: string[] = [];
    const edges: string[] = [];
    const widows: string[] = [];
    const marks: string[] = [];
    let labels = 0;
    let breaks = 0;
    const measure = async (screen: Screen) => {
      labels += await page.locator(LABELLED).count();
      const lines = await measureLines(page);
      for (const o of lines.orphans) problems.push(`${screen.name}: ${o}`);
      breaks += lines.breaks;
      for (const b of lines.outside) inside.push(`${screen.name}: ${b}`);
      for (const k of lines.kinsoku) edges.push(`${screen.name}: ${k}`);
      for (const w of lines.widows) widows.push(`${screen.name}: ${w}`);
      for (const m of lines.marks) marks.push(`${screen.name}: ${m}`);
    };
    for (const screen of [WELCOME, MENU, ...PAGE_SCREENS, ...storyScreens, QUIZ_ANSWERED, RESULT, CHECKLIST_HOME, CHECKLIST_AREA, CHECKLIST_RESULT]) {
      await show(page, screen);
      await measure(screen);
    }
    // the completion screen needs a finished course, saved as an earlier visit left it
    await completeCourseState(page);
    await page.goto(COURSE_URL);
    await show(page, COMPLETION);
    await measure(COMPLETION);
    expect(labels, 'labels measured').toBeGreaterThan(300);
    expect(problems).toEqual([]);
    expect(breaks, 'line breaks in marked text measured').toBeGreaterThan(width < 400 ? 250 : 100);
    expect(inside, 'line breaks inside a phrase').toEqual([]);
    expect(edges, 'lines that start with closing punctuation or end with an opening bracket').toEqual([]);
    expect(widows, 'running text whose last line holds one character').toEqual([]);
    expect(marks, 'phrase marks drawn as characters').toEqual([]);
  });
}

test('the measurement finds an orphan when there is one (the check can fail)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openCourse(page);
  await show(page, MENU);
  // a heading whose last line holds one character, set narrow enough to wrap
  await page.evaluate(() => {
    const h = document.querySelector('main h1')!;
    h.textContent = '情報管理を進めましょう';
    (h as HTMLElement).style.cssText = 'width: 10em; font-size: 20px; word-break: normal; text-wrap: wrap';
  });
  expect((await measureLines(page)).orphans.join('\n')).toContain('進めましょ / う');
});

test('the measurement finds a paragraph that ends on one character when there is one (the check can fail)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openCourse(page);
  await show(page, WELCOME);
  // the welcome screen's note as Safari before 26 draws it: any break, no help for the last line
  await page.evaluate(() => {
    const p = document.querySelector<HTMLElement>('main p.note')!;
    p.textContent = '途中でやめても、続きから再開できます。';
    p.style.cssText = 'word-break: normal; text-wrap: wrap; width: 17em; font-size: 16px';
  });
  expect((await measureLines(page)).widows.join('\n')).toContain('再開できま / す。');
});

test('the measurement finds a line break inside a phrase when there is one (the check can fail)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openCourse(page);
  await show(page, pageScreen('m_decide'));
  // a paragraph of the page's prose, set to break anywhere as the browser would unmarked
  await page.evaluate(() => {
    const p = document.querySelector<HTMLElement>('main [data-phrased] p')!;
    p.style.cssText = 'word-break: break-all; width: 7.5em';
  });
  const { outside } = await measureLines(page);
  expect(outside.length).toBeGreaterThan(0);
});

test('the measurement finds a phrase mark drawn as a character, in the text or in a name (the check can fail)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openCourse(page);
  await show(page, WELCOME);
  // the welcome screen's note as a view that forgot `phrased` would draw it, and its heading named with marks
  await page.evaluate(() => {
    document.querySelector('main p.note')!.textContent = '途中で\u200bやめても、\u200b続きから\u200b再開できます。';
    document.querySelector('main h1')!.setAttribute('aria-label', '技術等情報管理に\u200b関する研修');
  });
  const { marks } = await measureLines(page);
  expect(marks.sort()).toEqual(['h1[aria-label]: 技術等情報管理に\u200b関する研修', 'p: 途中で\u200bやめても、\u200b続きから\u200b再開できます。']);
});
