// The course in Moodle's own player, as a learner on a phone and on a laptop
// sees it with Moodle's default settings: the player puts its navigation bar
// (fixed atop the screen), the activity's header and its Exit button above the
// course's frame, which on a 360×740 phone starts at about y 330.
import { expect, test, type Page } from '@playwright/test';
import { enter, enterWindow, importActivity, login } from './moodle.ts';

async function launch(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await login(page);
  await enter(page, importActivity('2004', '2004 player layout'));
}

test("on a 360 px phone the course's frame comes up under Moodle's bar, its header whole; Moodle's header one swipe up", async ({ page }) => {
  await launch(page, { width: 360, height: 740 });
  const barBox = (await page.locator('nav.navbar.fixed-top').boundingBox())!;
  const bar = barBox.y + barBox.height;
  const frame = page.locator('iframe#scorm_object');
  // the frame's top just under the bar, where Moodle had put it about 330 px down
  await expect.poll(async () => (await frame.boundingBox())!.y).toBeLessThan(bar + 4);
  expect(Math.round((await frame.boundingBox())!.y)).toBeGreaterThanOrEqual(Math.round(bar));
  const header = page.frameLocator('iframe#scorm_object').locator('.site-header');
  expect((await header.boundingBox())!.y).toBeGreaterThanOrEqual(bar);
  await expect(header).toBeInViewport({ ratio: 1 });
  await page.evaluate(() => scrollTo(0, 0));
  await expect(page.getByRole('link', { name: 'Exit activity' }).or(page.getByRole('button', { name: 'Exit activity' }))).toBeInViewport();
});

test("on a 1366 px laptop Moodle's page is left where it was", async ({ page }) => {
  await launch(page, { width: 1366, height: 768 });
  // enter() returned once the course took over its first screen, in the task that would have scrolled
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

// docs/lms-guide.md 2.1: on a phone, Moodle's course-index button floats over the course in the
// current window, which the course cannot move; "New window" shows the course alone
test("on a 360 px phone Moodle's course-index button lies over the course in the current window; in a new window nothing of Moodle's does", async ({ page }) => {
  await launch(page, { width: 360, height: 740 });
  const toggle = (await page.locator('.drawer-left-toggle').boundingBox())!;
  const frame = (await page.locator('iframe#scorm_object').boundingBox())!;
  await expect(page.locator('.drawer-left-toggle')).toBeInViewport();
  expect(toggle.x + toggle.width).toBeGreaterThan(frame.x);
  expect(toggle.y).toBeGreaterThan(frame.y);
  expect(toggle.y + toggle.height).toBeLessThan(frame.y + frame.height);

  const { player } = await enterWindow(page, importActivity('2004', '2004 player in a new window', { popup: 1 }));
  await expect(player.locator('body')).toHaveClass(/pagelayout-embedded/);
  await expect(player.locator('.drawer-toggler, nav.navbar')).toHaveCount(0);
  const own = (await player.locator('iframe#scorm_object').boundingBox())!;
  expect(own.x).toBe(0);
  expect(own.width).toBeGreaterThan(player.viewportSize()!.width - 10);
  await expect(player.frameLocator('iframe#scorm_object').locator('.site-header')).toBeInViewport({ ratio: 1 });
});
