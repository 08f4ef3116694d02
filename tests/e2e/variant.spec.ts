// The course's shape and words are data: a variant of content/ with a section
// and the story-list page renamed and buttons reworded builds, with no code
// changed, into a course that follows it — menu, breadcrumbs, buttons. The
// variant also reports checklist answers to the LMS (checklist.report), and
// counts the pages of two areas only (completion.sections).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { compileContent } from '../../scripts/content/compile.ts';
import { closeCourse, goTo, launch, record } from '../../scripts/lms-host/driver.ts';
import { startLmsHost } from '../../scripts/lms-host/server.ts';
import { variantContent } from '../unit/fixtures.ts';

const SUBMIT = '答えを送信する';
const NEXT_STORY = '次のストーリー（{number}）へ';
const STORY_LIST = 'story_index';
const SECTION = 'self_assessment';

/** the areas whose pages completion counts */
const COUNTED = [SECTION, 'measures'];

const renamePage = (t: string) => t.replace(/\bstories\b(?=[\],])/, STORY_LIST).replace(/page:stories\)/g, `page:${STORY_LIST})`);

let dir: string;
let fileUrl: string;
let compiled: ReturnType<typeof compileContent>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'variant-'));
  const content = variantContent(dir, {
    'course.yaml': (t) =>
      `${renamePage(t.replace(/^ {2}- id: check$/m, `  - id: ${SECTION}`).replace(/^completion: \{ (.*) \}$/m, `completion: { $1, sections: [${COUNTED.join(', ')}] }`))}\nchecklist: { report: true }\n`,
    'pages/stories.md': (t) => t.replace(/^id: stories$/m, `id: ${STORY_LIST}`),
    'pages/check.md': (t) => t.replace(/page:stories\)/g, `page:${STORY_LIST})`),
    'ui.yaml': (t) => t.replace(/^ {2}submit: .*$/m, `  submit: ${SUBMIT}`).replace(/^ {2}next: ストーリー\{number\}へ進む$/m, `  next: ${NEXT_STORY}`),
  });
  // the variant is valid content: the compiler resolves the new names
  compiled = compileContent(content);
  expect(compiled.sections[0].id).toBe(SECTION);
  expect(compiled.places.storyList).toBe(STORY_LIST);
  expect(compiled.meta.completion.sections).toEqual(COUNTED);
  const outDir = join(dir, 'out');
  // the project's own config, with only the content folder and the output swapped
  process.env.COURSE_CONTENT = content;
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true }, configFile: 'vite.config.ts' });
  } finally {
    delete process.env.COURSE_CONTENT;
  }
  fileUrl = pathToFileURL(join(outDir, 'index.html')).href;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a renamed section and story-list page and reworded buttons reach the course without a code change', async ({ page }) => {
  // the menu's own address: a launch without one opens at the welcome screen
  await page.goto(`${fileUrl}#/`);
  // the menu's quiz count follows the section holding the story list, whatever its id
  await expect(page.getByTestId(`section-status-${SECTION}`)).toContainText('クイズ 0/19問');
  await page.goto(`${fileUrl}#/s/story1`);
  const crumbs = page.locator('.breadcrumb a');
  await expect(crumbs.nth(1)).toHaveAttribute('href', `#/p/${STORY_LIST}`);
  await page.getByRole('link', { name: 'クイズを始める' }).click();
  await expect(page.getByRole('button', { name: SUBMIT })).toBeVisible();
  await page.goto(`${fileUrl}#/s/story1/result`);
  await expect(page.getByRole('link', { name: NEXT_STORY.replace('{number}', '2') })).toBeVisible();
  // the checklist hangs below the page that places its widget
  await page.goto(`${fileUrl}#/checklist`);
  await expect(page.locator('.breadcrumb a').nth(1)).toHaveAttribute('href', '#/p/check');
});

test('with completion.sections, the welcome names the areas whose pages count and the menu lists only their unread pages', async ({ page }) => {
  const areas = compiled.sections.filter((s) => COUNTED.includes(s.id));
  const counted = areas.flatMap((s) => s.pages);
  expect(counted.length).toBeLessThan(compiled.pages.length);
  await page.goto(fileUrl);
  await expect(page.getByTestId('completion-rule')).toContainText(`「${areas.map((s) => s.title).join('」「')}」の全${counted.length}ページを開く`);
  await page.goto(`${fileUrl}#/`);
  await expect(page.getByTestId('unread')).toContainText(`まだ開いていないページが ${counted.length} ページあります`);
  for (const id of counted) {
    await goTo(page.mainFrame(), `/p/${id}`);
    await expect(page.locator(`article.page-${id} h1`)).toBeVisible();
  }
  await goTo(page.mainFrame(), '/');
  await expect(page.getByTestId('pages-visited')).toHaveText(`${counted.length}/${counted.length}`);
  // the other areas' pages are still unread, and not asked for
  await expect(page.getByTestId('unread')).toHaveCount(0);
  await expect(page.getByTestId('menu-to-pass')).toBeVisible();
});

test('a checklist answer reaches the LMS with the statement as written (SCORM 2004, scorm-again)', async ({ page }) => {
  const item = compiled.checklist[0];
  const area = compiled.pages.find((p) => p.id === item.area)!;
  const host = await startLmsHost({ coursePath: new URL(fileUrl).pathname });
  try {
    const frame = await launch(page, host.url, { v: '2004', fresh: true });
    await goTo(frame, `/checklist/${item.area}`);
    // the statement on screen carries phrase breaks (<wbr>) between its phrases
    const statement = frame.locator('main .checklist-item').first();
    await expect(statement).toContainText(item.text);
    expect(await statement.locator('wbr').count()).toBeGreaterThan(0);
    await statement.locator('input[type=radio]').first().check();
    await closeCourse(page);
    const r = await record(page);
    expect(r.violations).toEqual([]);
    const n = Object.keys(r.cmi).find((k) => /^cmi\.interactions\.\d+\.id$/.test(k) && r.cmi[k] === item.id)!.split('.')[2];
    expect(r.cmi[`cmi.interactions.${n}.description`]).toBe(`${area.navLabel}：${item.text}`);
    // nothing the course sends carries the page's phrase marks
    expect(r.calls.filter((c) => /SetValue$/.test(c.method) && String(c.args[1]).includes('\u200b'))).toEqual([]);
  } finally {
    await host.close();
  }
});
