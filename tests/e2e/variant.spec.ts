// The course's shape and words are data: a variant of content/ with a section
// and the story-list page renamed and buttons reworded builds, with no code
// changed, into a course that follows it — menu, breadcrumbs, buttons.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { compileContent } from '../../scripts/content/compile.ts';
import { variantContent } from '../unit/fixtures.ts';

const SUBMIT = '答えを送信する';
const NEXT_STORY = '次のストーリー（{number}）へ';
const STORY_LIST = 'story_index';
const SECTION = 'self_assessment';

const renamePage = (t: string) => t.replace(/\bstories\b(?=[\],])/, STORY_LIST).replace(/page:stories\)/g, `page:${STORY_LIST})`);

let dir: string;
let fileUrl: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'variant-'));
  const content = variantContent(dir, {
    'course.yaml': (t) => renamePage(t.replace(/^ {2}- id: check$/m, `  - id: ${SECTION}`)),
    'pages/stories.md': (t) => t.replace(/^id: stories$/m, `id: ${STORY_LIST}`),
    'pages/check.md': (t) => t.replace(/page:stories\)/g, `page:${STORY_LIST})`),
    'ui.yaml': (t) => t.replace(/^ {2}submit: .*$/m, `  submit: ${SUBMIT}`).replace(/^ {2}next: ストーリー\{number\}へ進む$/m, `  next: ${NEXT_STORY}`),
  });
  // the variant is valid content: the compiler resolves the new names
  const compiled = compileContent(content);
  expect(compiled.sections[0].id).toBe(SECTION);
  expect(compiled.places.storyList).toBe(STORY_LIST);
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
