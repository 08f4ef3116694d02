// The preview LMS as a training owner uses it: the built course under
// scorm-again, a reload that resumes, the records panel and its CSV, which
// show what the LMS stored, and the build's files to take away.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { compileContent } from '../../scripts/content/compile.ts';
import { goTo, passWelcome, visitPage } from '../../scripts/lms-host/driver.ts';
import { CSV_BOM, CSV_COLUMNS, parseCsv } from '../../scripts/preview/records.ts';
import { startPreview, type Preview } from '../../scripts/preview/server.ts';
import { PACKAGE_DIR } from '../../scripts/package/targets.ts';

const course = compileContent('content');

/** the answer keys, as a learner would tick them */
const KEYS: Record<string, string> = {
  q1_1: 'abc', q1_2: 'a', q1_3: 'c', q2_1: 'a', q2_2: 'abc', q2_3: 'abc',
  q3_1: 'ac', q3_2: 'bc', q3_3: 'ac', q3_4: 'abc', q3_5: 'abc', q3_6: 'bc', q3_7: 'bc', q3_8: 'b', q3_9: 'bc', q3_10: 'abc',
  q4_1: 'bc', q4_2: 'abc', q4_3: 'c',
};
/** one deliberate mistake: 18 of 19 right is 94 points, still a pass */
const CHOSEN: Record<string, string> = { ...KEYS, q1_2: 'b' };

let preview: Preview;
test.beforeAll(async () => {
  preview = await startPreview({ port: 0 });
});
test.afterAll(async () => preview.close());

/** Fails the test on any request that leaves 127.0.0.1. */
async function guard(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return outside;
}

/** the course's frame, past the welcome screen a launch opens at */
async function courseFrame(page: Page, version: '1.2' | '2004'): Promise<Frame> {
  // after a switch the old version's frame may still be on screen: wait for this version's own
  const of = () => page.frames().find((f) => f.url().includes(`/lms/course/${version}/`));
  await expect.poll(async () => (await of()?.locator('main section.welcome h1').isVisible().catch(() => false)) ?? false, { timeout: 60_000 }).toBe(true);
  await passWelcome(of()!);
  return of()!;
}

async function takeStory(frame: Frame, storyId: string): Promise<void> {
  const story = course.stories.find((s) => s.id === storyId)!;
  await goTo(frame, `/s/${storyId}`);
  await frame.getByRole('link', { name: 'クイズを始める' }).click();
  for (const quizId of story.quizzes) {
    const submit = frame.getByRole('button', { name: '解答する' });
    await expect(submit).toBeVisible();
    for (const letter of CHOSEN[quizId]) await frame.locator(`input[name=choice][value=${letter}]`).check();
    await submit.click();
    await expect(frame.getByTestId('verdict')).toBeVisible();
    await frame.getByRole('link', { name: /次のクイズへ|結果を見る/ }).click();
  }
  await expect(frame.getByTestId('story-result')).toBeVisible();
}

const field = (page: Page, name: string) => page.locator(`[data-testid=attempt] [data-field=${name}]`);
const interactionRows = (page: Page) => page.locator('[data-testid=interactions] tbody tr');
const rowOf = (page: Page, id: string) => interactionRows(page).filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${id}$`) }) });

test('SCORM 2004: take the course, reload to resume, read the records and export them as CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const outside = await guard(page);
  await page.goto(`${preview.url}?v=2004`);
  let frame = await courseFrame(page, '2004');
  await expect(page.locator('#version')).toHaveValue('2004');

  for (const story of ['story1', 'story2']) await takeStory(frame, story);
  await expect(interactionRows(page)).toHaveCount(6);
  await expect(field(page, 'entry-exit')).toHaveText('ab-initio / suspend');
  // the preview gives the manifest's pass mark (scaled_passing_score 0.8), from which scorm-again
  // derives success from score.scaled: mid-course that must not read failed in the default style
  // (the host stores only what the course set, as Moodle does: a success_status never set is empty)
  await expect(field(page, 'status')).toHaveText(/^incomplete \/ (unknown)?$/);
  const before = await frame.evaluate(() => location.hash);

  // a reload is a re-entry: the LMS hands back the suspended attempt
  await page.reload();
  frame = await courseFrame(page, '2004');
  await expect(field(page, 'entry-exit')).toHaveText(/^resume \//);
  expect(await frame.evaluate(() => location.hash)).toBe(before);
  await expect(frame.getByTestId('story-result')).toBeVisible();
  await expect(interactionRows(page)).toHaveCount(6);

  for (const story of ['story3', 'story4']) await takeStory(frame, story);
  for (const p of course.pages) await visitPage(frame, p.id);

  await expect(field(page, 'status')).toHaveText('completed / passed');
  await expect(field(page, 'score')).toContainText('94（0〜100）');
  await expect(interactionRows(page)).toHaveCount(19);
  await expect(rowOf(page, 'q1_1').locator('td')).toHaveText(['0', 'q1_1', 'a[,]b[,]c', 'a[,]b[,]c', 'correct', /^PT/, /^\d{4}-\d{2}-\d{2}T/]);
  await expect(rowOf(page, 'q1_2').locator('td').nth(2)).toHaveText('b');
  await expect(rowOf(page, 'q1_2').locator('td').nth(3)).toHaveText('a');
  await expect(rowOf(page, 'q1_2').locator('td').nth(4)).toHaveText('incorrect');
  await expect(page.locator('[data-testid=objectives] tbody tr td:nth-child(2)')).toHaveText(['story1', 'story2', 'story3', 'story4']);
  await expect(page.getByTestId('suspend-data')).toContainText(/ \d+ \/ 64000 文字/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV に書き出す' }).click()]);
  expect(download.suggestedFilename()).toBe('gijutsu-joho-kanri-scorm2004-records.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const [head, ...rows] = parseCsv(csv);
  expect(head).toEqual([...CSV_COLUMNS]);
  expect(rows.filter((r) => r[3] === '受験')).toEqual([
    ['learner_1', '研修 太郎', '2004', '受験', 'gijutsu-joho-kanri', 'completed / passed', '', '', '', '94', expect.stringMatching(/^\d+:\d{2}:\d{2}$/), '', ''],
  ]);
  const interactions = rows.filter((r) => r[3] === 'インタラクション');
  expect(interactions.map((r) => r[4])).toEqual(course.quizzes.map((q) => q.id));
  for (const r of interactions) {
    const id = r[4];
    const join = (letters: string) => [...letters].join('[,]');
    expect(r.slice(5, 9), id).toEqual(['', join(CHOSEN[id]), join(KEYS[id]), CHOSEN[id] === KEYS[id] ? 'correct' : 'incorrect']);
  }
  expect(rows.filter((r) => r[3] === '目標').map((r) => r[4])).toEqual(['story1', 'story2', 'story3', 'story4']);
  expect(outside).toEqual([]);
});

test('SCORM 1.2: the records use the 1.2 vocabulary, and a new attempt starts from nothing', async ({ page }) => {
  test.setTimeout(60_000);
  const outside = await guard(page);
  await page.goto(`${preview.url}?v=2004`);
  await courseFrame(page, '2004');
  await page.locator('#version').selectOption('1.2');
  await expect(page).toHaveURL(/\?v=1\.2$/);
  const frame = await courseFrame(page, '1.2');

  await takeStory(frame, 'story1');
  await expect(interactionRows(page)).toHaveCount(3);
  await expect(rowOf(page, 'q1_1').locator('td').nth(2)).toHaveText('a,b,c');
  await expect(rowOf(page, 'q1_2').locator('td').nth(4)).toHaveText('wrong');
  await expect(rowOf(page, 'q1_1').locator('td').nth(5)).toHaveText(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  await expect(field(page, 'status')).toHaveText('incomplete');
  await expect(page.getByTestId('suspend-data')).toContainText(/ \d+ \/ 4096 文字/);

  await page.getByRole('button', { name: '新しい受験' }).click();
  // the old attempt's frame stays on screen until the new one replaces it
  await expect.poll(() => frame.isDetached()).toBe(true);
  const fresh = await courseFrame(page, '1.2');
  await expect(fresh.getByTestId('quizzes-answered')).toHaveText('0/19');
  await expect(interactionRows(page)).toHaveCount(0);
  await expect(field(page, 'entry-exit')).toHaveText(/^ab-initio \//);
  expect(outside).toEqual([]);
});

test('on a 360 px phone the course gets the screen and the records follow below it; on a laptop they sit side by side', async ({ page }) => {
  const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${preview.url}?v=2004`);
  await courseFrame(page, '2004');
  const lms = await box('#lms');
  expect([lms.x, lms.width, lms.height]).toEqual([0, 360, 740]);
  const records = await box('#records');
  expect(records.y).toBeGreaterThanOrEqual(lms.y + lms.height);
  expect(records.width).toBe(360);
  // the panel reads as lines, not a column of single characters
  const title = await box('#records h1');
  expect(title.height).toBeLessThan(3 * 24);

  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(async () => (await box('#records')).x).toBeGreaterThanOrEqual((await box('#lms')).width);
  expect((await box('#records')).y).toBe(0);
});

test("the build's files for the owner and HR are offered beside the records, each the very file in dist/", async ({ page }) => {
  await page.goto(`${preview.url}?v=2004`);
  const list = page.getByRole('region', { name: '配布物（dist/）' }).getByRole('listitem');
  // every file the build wrote beside the course's folder
  const names = readdirSync(PACKAGE_DIR, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  await expect(list).toHaveCount(names.length);
  expect((await list.allTextContents()).map((t) => t.split(' ').at(-1)).sort()).toEqual([...names].sort());
  // the recommended package comes first
  await expect(list.first().getByRole('link')).toHaveText('SCORM 2004 パッケージ（推奨）');
  for (const link of await list.getByRole('link').all()) {
    const href = await link.getAttribute('href');
    const reply = await page.request.get(new URL(href!, page.url()).href);
    expect(reply.status(), href!).toBe(200);
    expect(Buffer.compare(await reply.body(), readFileSync(join(PACKAGE_DIR, decodeURIComponent(href!.replace(/^files\//, ''))))), href!).toBe(0);
  }
  // nothing else of the project's is served there
  for (const other of ['package.json', '..%2Fpackage.json', 'course%2Findex.html']) {
    expect((await page.request.get(`${preview.url}files/${other}`)).status(), other).toBe(404);
  }
});
