// Nothing leaves the package: the built course served over HTTP on 127.0.0.1,
// on its own and inside the LMS host, asks for nothing but itself (and, in the
// host, the host's own files) and logs no error, along a learner's usual path.
import { expect, test, type Frame, type Page } from '@playwright/test';
import { fileReply, notFound, serve, type Served } from '../../scripts/http.ts';
import { startLmsHost, type LmsHost } from '../../scripts/lms-host/server.ts';
import { courseFrame, hostUrl, passWelcome } from '../../scripts/lms-host/driver.ts';
import { course, keyOf } from './course-driver.ts';

const COURSE_PATH = '/course/index.html';

interface Watch {
  /** every request the browser made, with the frame that made it (or that it loads) */
  requests: Array<{ url: string; frame: Frame }>;
  /** requests refused because they went anywhere but the allowed origin */
  refused: string[];
  errors: string[];
}

/** Records every request and every console or page error; refuses anything off `origin`. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const seen: Watch = { requests: [], refused: [], errors: [] };
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    seen.refused.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('request', (r) => seen.requests.push({ url: r.url(), frame: r.frame() }));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.errors.push(`page: ${e.message}`));
  return seen;
}

/**
 * A learner's usual path, by clicks: the menu, a section's pages, the stories,
 * one quiz answered, the checklist with one item answered and its report.
 */
async function takeUsualPath(root: Page | Frame): Promise<void> {
  const check = course.sections.find((s) => s.id === 'check')!;
  const measures = course.sections.find((s) => s.id === 'measures')!;
  await expect(root.locator('main section.menu h1')).toBeVisible();
  await root.locator('.menu-cards').getByRole('link', { name: measures.title, exact: true }).click();
  await expect(root.locator(`main article.page-${measures.pages[0]} h1`)).toBeVisible();
  await root.locator('.pager-next').click();
  await expect(root.locator(`main article.page-${measures.pages[1]} h1`)).toBeVisible();

  await root.locator('.site-title').click();
  await root.locator('.menu-cards').getByRole('link', { name: check.title, exact: true }).click();
  await expect(root.locator(`main article.page-${check.pages[0]} h1`)).toBeVisible();
  await root.locator('.pager-next').click();
  await expect(root.locator(`main article.page-${check.pages[1]} h1`)).toBeVisible();
  const story = course.stories[0];
  await root.getByRole('link', { name: `ストーリー${story.number}　${story.title}` }).click();
  await root.getByRole('link', { name: 'クイズを始める' }).click();
  await expect(root.locator('main article.quiz h1', { hasText: 'クイズ1-1' })).toBeVisible();
  for (const letter of keyOf(story.quizzes[0])) await root.locator(`input[name=choice][value=${letter}]`).check();
  await root.getByRole('button', { name: '解答する' }).click();
  await expect(root.getByTestId('verdict')).toHaveText('○ 正解');

  await root.locator('.site-title').click();
  await root.locator('.menu-cards').getByRole('link', { name: check.title, exact: true }).click();
  await root.locator('#checklist').getByRole('link', { name: 'チェックを始める' }).click();
  await expect(root.locator('main article.checklist-home h1')).toBeVisible();
  await root.getByRole('link', { name: 'チェックを始める' }).click();
  await expect(root.locator('main article.checklist-area h1')).toBeVisible();
  await root.locator('main .checklist-item').first().getByRole('radio', { name: '実施済み', exact: true }).check();
  await expect(root.getByTestId('area-answered')).toContainText('回答済み 1/');
  await root.locator('.breadcrumb').getByRole('link', { name: 'チェックリスト形式で確認' }).click();
  await expect(root.locator('main article.checklist-home h1')).toBeVisible();
  await root.getByRole('link', { name: '結果を見る' }).first().click();
  await expect(root.getByTestId('area-chart')).toBeVisible();
  await root.locator('.site-title').click();
  await expect(root.locator('main section.menu h1')).toBeVisible();
}

test.describe('the course on its own, from a plain web server', () => {
  let server: Served;
  let origin: string;
  /** what reached the server, so requests the browser makes by itself (a favicon) count too */
  const served: string[] = [];

  test.beforeAll(async () => {
    server = await serve((url, req) => {
      served.push(req.url ?? '');
      return url.pathname === COURSE_PATH ? fileReply('dist', COURSE_PATH) : notFound(url.pathname);
    });
    origin = server.url.replace(/\/$/, '');
  });
  test.afterAll(async () => server.close());

  test('asks for nothing but its own file and logs no error', async ({ page }) => {
    const seen = await watch(page, origin);
    await page.goto(origin + COURSE_PATH);
    await passWelcome(page);
    await takeUsualPath(page);
    await page.reload();
    await expect(page.locator('main section.menu h1')).toBeVisible();
    expect(seen.refused).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(new Set(seen.requests.map((r) => r.url))).toEqual(new Set([origin + COURSE_PATH]));
    expect(new Set(served)).toEqual(new Set([COURSE_PATH]));
    // a standalone run keeps its state in the browser only
    expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
  });
});

test.describe('the course inside the LMS host', () => {
  let host: LmsHost;
  test.beforeAll(async () => {
    host = await startLmsHost({ port: 0 });
  });
  test.afterAll(async () => host.close());

  for (const v of ['1.2', '2004'] as const) {
    test(`SCORM ${v}: the course frame asks for nothing but the course; the page, for nothing off the host; no error`, async ({ page }) => {
      const origin = new URL(host.url).origin;
      const seen = await watch(page, origin);
      await page.goto(hostUrl(host.url, { v, fresh: true }));
      const frame = await courseFrame(page);
      await takeUsualPath(frame);
      expect(seen.refused).toEqual([]);
      expect(seen.errors).toEqual([]);
      const courseUrl = `${origin}/course/${v}/index.html`;
      const fromCourse = seen.requests.filter((r) => r.frame === frame);
      expect(new Set(fromCourse.map((r) => r.url))).toEqual(new Set([courseUrl]));
      // the host page's own files, then the course: nothing else
      for (const r of seen.requests) expect(new URL(r.url).pathname, r.url).toMatch(/^\/($|\?|host\/[\w-]+\.ts$|src\/scorm\/spec\.ts$|vendor\/scorm(12|2004)\.js$|course\/(1\.2|2004)\/index\.html$)/);
      // and the LMS heard from the course
      expect(await page.evaluate(() => window.lmsHost!.commits)).toBeGreaterThan(0);
    });
  }
});
