// The course on a 360 px phone and a 1366×768 laptop: nothing scrolls
// sideways, and a full-page screenshot of each kind of screen is left in
// test-results/screenshots/ for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { LIVE_WELCOME } from '../../scripts/lms-host/driver.ts';
import { course, COURSE_ORIGIN, goTo, guardPage, openCourse } from './course-driver.ts';
import {
  CHECKLIST_AREA,
  CHECKLIST_HOME,
  CHECKLIST_RESULT,
  FRESH_QUIZ,
  horizontalOverflow,
  MENU,
  PAGE_SCREENS,
  pageScreen,
  prepareAnswers,
  QUIZ_ANSWERED,
  RESULT,
  show,
  STORY,
  type Screen,
} from './a11y-driver.ts';

const SHOTS = 'test-results/screenshots';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };

/** one of each kind of screen, content pages by what they carry */
const KINDS: Screen[] = [
  MENU,
  pageScreen('check'), // the two ways of checking
  pageScreen('stories'), // story cards
  pageScreen('importance'), // prose
  pageScreen('leak_cases'), // tables
  pageScreen('measures'), // the measures map
  pageScreen('m_decide'), // a measure page with the nine-measure navigator
  pageScreen('s_staged'), // a further measure
  pageScreen('reference'), // references
  STORY,
  FRESH_QUIZ,
  QUIZ_ANSWERED,
  RESULT,
  CHECKLIST_HOME,
  CHECKLIST_AREA,
  CHECKLIST_RESULT,
];

async function prepared(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  const guard = await guardPage(page);
  await openCourse(page);
  await prepareAnswers(page);
  return guard;
}

test('no sideways scrolling at 360 px on any screen: menu, all content pages, story, quiz before and after answering, result, checklist', async ({ page }) => {
  const guard = await prepared(page, PHONE);
  expect(PAGE_SCREENS).toHaveLength(course.pages.length);
  for (const screen of [MENU, ...PAGE_SCREENS, STORY, FRESH_QUIZ, QUIZ_ANSWERED, RESULT, CHECKLIST_HOME, CHECKLIST_AREA, CHECKLIST_RESULT]) {
    await show(page, screen);
    expect(await horizontalOverflow(page), `${screen.name} is wider than 360 px by`).toBe(0);
  }
  expect(guard.errors).toEqual([]);
});

for (const [label, size] of [['360x740', PHONE], ['1366x768', LAPTOP]] as const) {
  test(`screenshots at ${label} of each kind of screen`, async ({ page }) => {
    const guard = await prepared(page, size);
    for (const screen of KINDS) {
      await show(page, screen);
      expect(await horizontalOverflow(page), screen.name).toBe(0);
      await page.screenshot({ path: `${SHOTS}/${label}-${screen.name}.png`, fullPage: true });
    }
    expect(guard.errors).toEqual([]);
  });
}

// A slow phone feels every frame the page has to lay out again. Once a new
// page is on screen the course is at rest: the header's progress bar may
// animate its growth, but without laying the page out frame after frame.
test('at 360 px, once a page change is drawn the page is at rest: the progress bar grows without laying the page out again', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openCourse(page, '#/p/importance');
  const bar = page.getByRole('progressbar');
  const before = Number(await bar.getAttribute('aria-valuenow'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const layouts = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')!.value;
  await goTo(page, '#/p/leak_cases');
  await expect(page.locator('main h1')).toHaveText(course.pages.find((p) => p.id === 'leak_cases')!.title);
  // the bar did grow, so there was something to animate
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const drawn = await layouts();
  // the animation takes 0.3 s; wait it out
  await page.waitForTimeout(600);
  expect(await layouts()).toBeLessThanOrEqual(drawn + 2);
});

/**
 * An LMS's player as Moodle lays it out: a bar fixed atop the screen, the
 * activity's header, then the course's frame (666 px, as Moodle sizes it),
 * served from the course's own origin as an LMS serves its player.
 */
const PLAYER = `${COURSE_ORIGIN}/player.html`;
const player = (fixedBar: boolean) => `<!doctype html><meta name="viewport" content="width=device-width">
<title>LMS</title><style>body { margin: 0 } nav { position: fixed; inset: 0 0 auto; height: 60px; background: #eee; z-index: 1 }
header { height: 270px; padding-top: 60px } iframe { display: block; width: 100%; height: 666px; border: 0 } footer { height: 400px }</style>
${fixedBar ? '<nav><a href="#">LMS</a></nav>' : ''}<header><h1>Activity</h1><button>Exit activity</button></header>
<iframe id="scorm_object" title="course" src="index.html"></iframe><footer>LMS footer</footer>`;

async function launchInPlayer(page: Page, size: { width: number; height: number }, fixedBar: boolean) {
  await page.setViewportSize(size);
  await page.route(PLAYER, (route) => route.fulfill({ contentType: 'text/html', body: player(fixedBar) }));
  await page.goto(PLAYER);
  await expect(page.frameLocator('#scorm_object').locator(LIVE_WELCOME)).toBeVisible();
  return page.locator('#scorm_object');
}

test("in an LMS's player on a phone, the launch brings the course's frame up to the screen's top, below the LMS's fixed bar", async ({ page }) => {
  const frame = await launchInPlayer(page, PHONE, true);
  // the frame's top meets the bar's bottom: the course's own header shows whole
  await expect.poll(async () => Math.round((await frame.boundingBox())!.y)).toBe(60);
  const header = (await page.frameLocator('#scorm_object').locator('.site-header').boundingBox())!;
  expect(header.y).toBeGreaterThanOrEqual(60);
  // the LMS's header is still there, one swipe up
  await page.evaluate(() => scrollTo(0, 0));
  await expect(page.getByRole('button', { name: 'Exit activity' })).toBeInViewport();
});

test("in an LMS's player without a fixed bar, the phone's screen starts at the frame's top; on a laptop the page stays put", async ({ page }) => {
  const frame = await launchInPlayer(page, PHONE, false);
  await expect.poll(async () => Math.round((await frame.boundingBox())!.y)).toBe(0);
  await launchInPlayer(page, LAPTOP, true);
  // the course scrolls the player in the same task that takes the prerendered mark off, which the launch waited for
  expect(await page.evaluate(() => scrollY)).toBe(0);
});
