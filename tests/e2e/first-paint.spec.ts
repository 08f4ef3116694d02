// Before its first paint the page holds only the first screen's share of the
// stylesheet (scripts/content/critical-css.ts); the whole of it waits as inert
// text for the script. The browser is the judge of "enough": with scripts off,
// so nothing but the head's rules applies, every element of the prerendered
// screen — and its ::before and ::after — must compute to the same styles as
// once the whole stylesheet is in the page, at a phone's width and a PC's.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { COURSE_URL } from './course-driver.ts';

/** every computed property of every element under #app, keyed by its place in the tree */
const computedStyles = (page: Page) =>
  page.locator('#app').evaluate((app) => {
    const out: Record<string, string> = {};
    const elements = [app, ...app.querySelectorAll('*')];
    elements.forEach((el, i) => {
      for (const pseudo of ['', '::before', '::after']) {
        const style = getComputedStyle(el, pseudo || null);
        const values: string[] = [];
        for (let p = 0; p < style.length; p++) values.push(`${style[p]}:${style.getPropertyValue(style[p])}`);
        out[`${i} ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}${pseudo}`] = values.join(';');
      }
    });
    return out;
  });

/** the built course opened in a browser context of its own, closed afterwards */
async function inCourse(browser: Browser, options: BrowserContextOptions, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.goto(COURSE_URL);
    await use(page);
  } finally {
    await context.close();
  }
}

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1366, height: 768 },
]) {
  test(`at ${viewport.width} px the first screen is styled by the head's rules alone exactly as by the whole stylesheet`, async ({ browser }) => {
    await inCourse(browser, { javaScriptEnabled: false, viewport }, async (page) => {
      const head = await page.locator('head style').allTextContents();
      const whole = await page.locator('script#course-styles').textContent();
      // the split is real: the head holds less than the whole, and not nothing
      expect(whole?.length).toBeGreaterThan(head.join('').length * 2);
      expect(await page.locator('#app .welcome h1').count()).toBe(1);

      const before = await computedStyles(page);
      // what src/main.tsx does once the first screen is drawn
      await page.locator('head').evaluate((el, css) => {
        const style = document.createElement('style');
        style.textContent = css;
        el.append(style);
      }, whole!);
      const after = await computedStyles(page);

      expect(Object.keys(before).length).toBeGreaterThan(100);
      const differing = Object.keys(after).filter((k) => before[k] !== after[k]);
      const detail = differing.slice(0, 3).map((k) => {
        const b = new Set(before[k].split(';'));
        return `${k}: ${after[k].split(';').filter((d) => !b.has(d)).join('; ')}`;
      });
      expect(detail).toEqual([]);
    });
  });
}

test("the header's figures wait for the learner's record: the built page's are a first launch's, so they are not drawn until the script has rendered", async ({ browser }) => {
  await inCourse(browser, { javaScriptEnabled: false }, async (page) => {
    await expect(page.getByTestId('score')).toHaveText('0点');
    await expect(page.locator('.site-header .progress')).toBeHidden();
    await expect(page.locator('.site-title')).toBeVisible();
  });
  await inCourse(browser, {}, async (page) => {
    await expect(page.locator('#app:not([data-prerendered]) .site-header .progress')).toBeVisible();
  });
});

test("the first frame draws the cover's top, the rest follows one frame later, and only while the screen is the build's", async ({ browser }) => {
  // boxes of the cover's parts with the page's animations held at their start (the first frame) and then
  // finished; by the time the page has loaded they are over, so the mark is taken off and put back, which
  // starts them again as a first launch does
  const boxes = (page: Page, at: 'start' | 'end') =>
    page.evaluate((when) => {
      const app = document.getElementById('app')!;
      app.removeAttribute('data-prerendered');
      getComputedStyle(app.querySelector('.lead')!).display;
      app.setAttribute('data-prerendered', '');
      for (const a of document.getAnimations()) {
        a.pause();
        if (when === 'start') a.currentTime = 0;
        else a.finish();
      }
      const drawn = (selector: string) => document.querySelector(selector)!.getClientRects().length > 0;
      // where the top's parts stand: the rest must not move them when it comes
      const place = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return r.height > 0 ? [r.x, r.y, r.width, r.height].join() : 'not drawn';
      };
      return {
        top: ['.site-title', '.welcome h1', '.lead', '[data-testid=welcome-go]'].map(place),
        rest: ['.skip-link', '.welcome-facts', '[aria-labelledby=w-goals]', '.site-footer'].map(drawn),
      };
    }, at);
  await inCourse(browser, { javaScriptEnabled: false }, async (page) => {
    const first = await boxes(page, 'start');
    expect(first.top).not.toContain('not drawn');
    expect(first.rest).toEqual([false, false, false, false]);
    expect(await boxes(page, 'end')).toEqual({ top: first.top, rest: [true, true, true, true] });
  });
  // once the script has drawn it, the cover comes whole whenever it is opened again
  await inCourse(browser, {}, async (page) => {
    await page.locator('#app:not([data-prerendered])').waitFor();
    await page.getByTestId('welcome-go').click();
    await page.goto(`${COURSE_URL}#/start`);
    await page.locator('#app:not([data-prerendered]) .welcome .lead').waitFor();
    // an animation of 1 ms would be over before it could be seen running: the rule itself must not apply
    for (const part of ['.welcome-facts', '[aria-labelledby=w-goals]', '.site-footer'])
      expect(await page.locator(part).evaluate((el) => getComputedStyle(el).animationName), part).toBe('none');
  });
});
