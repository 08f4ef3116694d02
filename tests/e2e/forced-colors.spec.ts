// Windows contrast themes (forced colours): the browser paints text, borders
// and backgrounds in the theme's few colours, drops background gradients and
// leaves SVG its own colours. What the course draws must still be seen there:
// every screen is inspected in the normal colours, then in a dark and a light
// contrast theme, with contrast computed here from the browser's computed
// colours (WCAG 2.1's relative luminance), not from the course's stylesheet.
import { expect, test, type Page } from '@playwright/test';
import { openCourse } from './course-driver.ts';
import { GRAPHIC_CONTRAST, inspect, type Inspection, TEXT_CONTRAST } from './colours.ts';
import {
  CHECKLIST_AREA,
  CHECKLIST_HOME,
  CHECKLIST_RESULT,
  COMPLETION,
  completeCourseState,
  MENU,
  PAGE_SCREENS,
  prepareAnswers,
  QUIZ_ANSWERED,
  RESULT,
  show,
  STORY,
  type Screen,
  WELCOME,
} from './a11y-driver.ts';

const MODES = [
  { name: 'normal colours', forcedColors: 'none', colorScheme: 'light' },
  { name: 'dark contrast theme', forcedColors: 'active', colorScheme: 'dark' },
  { name: 'light contrast theme', forcedColors: 'active', colorScheme: 'light' },
] as const;

type Tally = Record<'svgText' | 'icons' | 'progress' | 'triangles' | 'pictures' | 'key' | 'tabs', number>;
const emptyTally = (): Tally => ({ svgText: 0, icons: 0, progress: 0, triangles: 0, pictures: 0, key: 0, tabs: 0 });

/**
 * Inspects the screen in each mode; with tabs, each tab's panel in turn. Adds
 * what it found to the tally: a check that finds nothing to look at passes anything.
 */
async function expectSeenInEveryMode(page: Page, screen: Screen, tally: Tally): Promise<void> {
  await show(page, screen);
  await page.evaluate(() => document.querySelectorAll('#app details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const tabs = page.locator('#app [role=tab]');
  const count = await tabs.count();
  const panels = Math.max(1, count);
  for (let t = 0; t < panels; t++) {
    if (count) await tabs.nth(t).click();
    let normal: Inspection | undefined;
    for (const mode of MODES) {
      await page.emulateMedia({ forcedColors: mode.forcedColors, colorScheme: mode.colorScheme });
      const seen = await page.evaluate(inspect, '#app');
      const at = `${screen.name}${panels > 1 ? `, tab ${t + 1}` : ''}, ${mode.name}`;
      for (const text of seen.svgText) expect(text.contrast, `${at}: ${text.where}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      for (const icon of seen.icons) expect(icon.contrast, `${at}: ${icon.where}`).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      if (seen.progress !== null) expect(seen.progress, `${at}: the progress bar's fill`).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      for (const tri of seen.triangles) {
        expect(tri.sides, `${at}: ${tri.where} is drawn by one side of its border`).toBe(1);
        expect(tri.contrast, `${at}: ${tri.where}`).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      }
      for (const k of seen.key) for (const bar of k.bars) expect(bar, `${at}: the key's ${k.rank} and its bars`).toBe(k.swatch);
      for (const tab of seen.tabs) {
        expect(tab.against, `${at}: the chosen tab against the others`).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
        expect(tab.text, `${at}: the chosen tab's words`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
      if (!normal) {
        normal = seen;
        tally.svgText += seen.svgText.length;
        tally.icons += seen.icons.length;
        tally.progress += seen.progress === null ? 0 : 1;
        tally.triangles += seen.triangles.length;
        tally.pictures += seen.pictures.length;
        tally.key += seen.key.filter((k) => k.bars.length > 0).length;
        tally.tabs += seen.tabs.length;
      } else expect(seen.pictures, `${at}: the drawn pictures of the normal colours`).toEqual(normal.pictures);
    }
    await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  }
}

test('forced colours: the welcome screen, the menu and every content page keep what they draw, at 1366 and 360 px', async ({ page }) => {
  const tally = emptyTally();
  await openCourse(page);
  for (const size of [{ width: 1366, height: 768 }, { width: 360, height: 740 }]) {
    await page.setViewportSize(size);
    for (const screen of [WELCOME, MENU, ...PAGE_SCREENS]) await expectSeenInEveryMode(page, { ...screen, name: `${screen.name} at ${size.width} px` }, tally);
  }
  // the measures' map and its arrows, the drawn files of a label example, icons, tabs and the header's bar were there to see
  for (const what of ['icons', 'progress', 'triangles', 'pictures', 'tabs'] as const) expect(tally[what], what).toBeGreaterThan(0);
});

test('forced colours: story, answered quiz, result, checklist with its chart, and the completion screen', async ({ page }) => {
  const tally = emptyTally();
  await openCourse(page);
  await prepareAnswers(page);
  for (const screen of [STORY, QUIZ_ANSWERED, RESULT, CHECKLIST_HOME, CHECKLIST_AREA, CHECKLIST_RESULT]) await expectSeenInEveryMode(page, screen, tally);
  await completeCourseState(page);
  await page.reload();
  await expectSeenInEveryMode(page, COMPLETION, tally);
  // the chart's words and its bars of some rank, with their key, were there to see
  for (const what of ['svgText', 'key', 'progress'] as const) expect(tally[what], what).toBeGreaterThan(0);
});
