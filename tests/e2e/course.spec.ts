// The course as a learner takes it: the built single file in Chromium, no LMS.
import { expect, test } from '@playwright/test';
import { answer, COURSE_FILE_URL, COURSE_URL, course, goTo, guardPage, keyOf, measureNav, openCourse, readEveryPage, takeStory, wrongOf } from './course-driver.ts';

test('opened straight from the disk, the menu shows the four areas with every network request blocked', async ({ page }) => {
  const guard = await guardPage(page);
  await openCourse(page, '', COURSE_FILE_URL);
  await expect(page.locator('main h1')).toHaveText(course.meta.title);
  const cards = page.locator('.menu-cards > li h2');
  await expect(cards).toHaveText(course.sections.map((s) => s.title));
  await expect(page.locator('[data-notice=standalone]')).toContainText('この端末のブラウザにのみ保存');
  expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  expect(guard.outside).toEqual([]);
  expect(guard.errors).toEqual([]);
});

test('a learner reads every page and answers all 19 quizzes right: 100 points, passed', async ({ page }) => {
  const guard = await guardPage(page);
  await openCourse(page);
  const titles = await readEveryPage(page);
  expect(titles).toEqual(course.pages.map((p) => p.title));
  await expect(page.getByTestId('pages-visited')).toHaveText(`${course.pages.length}/${course.pages.length}`);

  for (const story of course.stories) await takeStory(page, story.id, keyOf);
  await expect(page.getByTestId('quizzes-answered')).toHaveText('19/19');
  await expect(page.getByTestId('score')).toContainText('100点');
  // every page read before: the last result has nothing more to ask (see the next test)
  await expect(page.getByTestId('course-score')).toContainText('合格基準に達しています');
  await expect(page.getByTestId('result-pages-left')).toHaveCount(0);
  await goTo(page, '#/');
  await expect(page.getByTestId('course-status')).toHaveText('合格（修了）');
  for (const s of course.sections) await expect(page.getByTestId(`section-status-${s.id}`)).toContainText('閲覧済み');
  expect(guard.outside).toEqual([]);
  expect(guard.errors).toEqual([]);
});

test('the pass mark reached with pages unread: the result says completion still needs them and leads to their list', async ({ page }) => {
  await openCourse(page);
  await goTo(page, `#/p/${course.sections[0].pages[0]}`);
  for (const story of course.stories) await takeStory(page, story.id, keyOf);
  await expect(page.getByTestId('score')).toContainText('100点');
  const left = page.getByTestId('result-pages-left');
  await expect(left).toContainText(`まだ開いていないページ（${course.pages.length - 1}ページ）`);
  await left.getByRole('link', { name: '開いていないページを見る' }).click();
  await expect(page.getByTestId('course-status')).toHaveText('学習中');
  await expect(page.getByTestId('unread')).toContainText(`${course.pages.length - 1} ページ`);
});

test('feedback shows the verdict, the right choices, the explanation and each choice’s remark', async ({ page }) => {
  await openCourse(page, '#/q/q3_1');
  await expect(page.locator('legend')).toContainText('正しいものをすべて選んでください。');
  await expect(page.locator('input[name=choice]')).toHaveCount(3);
  await answer(page, 'ab'); // key is 1 and 3
  await expect(page.getByTestId('verdict')).toContainText('不正解');
  await expect(page.getByTestId('answer-key')).toContainText('正解：1、3');
  await expect(page.getByTestId('answer-key')).toContainText('あなたの選択：1、2');
  await expect(page.locator('.feedback')).toContainText('管理簿を作成することが適切な管理に必要です');
  await expect(page.locator('.choice-notes')).toContainText('秘密であることを明示せず、取扱者だけに周知して守る方法も考えられます');
  // each remark says whether its choice is in the key, and which was the learner's, never "wrong" on its own
  await expect(page.locator('.choice-notes .choice-note-mark')).toHaveText(['（誤りの選択肢・あなたの選択）']);
  await expect(page.locator('.choice-notes')).not.toContainText('不正解');
  // the learner's own ticks stay visible, locked
  await expect(page.locator('input[value=a]')).toBeChecked();
  await expect(page.locator('input[value=b]')).toBeChecked();
  await expect(page.locator('input[value=c]')).not.toBeChecked();
  await expect(page.locator('input[value=c]')).toBeDisabled();

  await goTo(page, '#/q/q1_1');
  await answer(page, 'abc');
  await expect(page.getByTestId('verdict')).toContainText('正解');
  await expect(page.getByTestId('answer-key')).toContainText('すべて正解');
  await expect(page.locator('.choice-notes')).toContainText('業務に支障がでる可能性があります');

  await goTo(page, '#/q/q4_1');
  await expect(page.locator('input[name=choice]')).toHaveCount(4);
  await answer(page, 'bc');
  await expect(page.locator('.choice-notes')).toContainText('社内処分の対象とすると、従業員を萎縮させ');
});

test('wrong answers score below the pass mark', async ({ page }) => {
  await openCourse(page);
  for (const story of course.stories) await takeStory(page, story.id, wrongOf);
  await expect(page.getByTestId('story-result')).toContainText('3問中 0問 正解');
  const score = Number((await page.getByTestId('score').innerText()).match(/(\d+)点/)![1]);
  expect(score).toBeLessThan(course.meta.passMark);
  await goTo(page, '#/');
  await expect(page.getByTestId('course-status')).toHaveText('学習中');
});

test('a reload in the middle of story 3 returns to the same quiz with earlier answers kept', async ({ page }) => {
  await openCourse(page);
  await takeStory(page, 'story1', keyOf);
  await goTo(page, '#/s/story3');
  await page.getByRole('link', { name: 'クイズを始める' }).click();
  for (const id of ['q3_1', 'q3_2', 'q3_3', 'q3_4']) {
    await answer(page, keyOf(id));
    await page.getByRole('link', { name: '次のクイズへ' }).click();
  }
  await expect(page.locator('main h1')).toContainText('クイズ3-5');
  // ticked, not yet answered: kept while the learner looks something up, and through a reload
  await page.locator('input[value=a]').check();
  await goTo(page, '#/p/m_access');
  await expect(page.locator('main article.page-m_access h1')).toBeVisible();
  await goTo(page, '#/q/q3_5');
  await expect(page.locator('input[value=a]')).toBeChecked();

  await page.reload();
  await expect(page.locator('main h1')).toContainText('クイズ3-5');
  await expect(page.getByTestId('quizzes-answered')).toHaveText('7/19');
  await expect(page.locator('input[value=a]')).toBeChecked();
  await expect(page.getByRole('button', { name: '解答する' })).toBeEnabled();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await goTo(page, '#/q/q3_4');
  await expect(page.getByTestId('verdict')).toContainText('正解');
  for (const letter of keyOf('q3_4')) await expect(page.locator(`input[value=${letter}]`)).toBeChecked();

  // a relaunch without the address's hash opens the welcome screen, whose
  // 続きから leads to the last place: the tab is closed and the course opened
  // afresh, as a learner coming back does
  await goTo(page, '#/q/q3_5');
  await expect(page.locator('main h1')).toContainText('クイズ3-5');
  const context = page.context();
  await page.close();
  const relaunched = await context.newPage();
  await relaunched.goto(COURSE_URL);
  await expect(relaunched.getByTestId('welcome-where')).toContainText('クイズ3-5');
  await relaunched.getByRole('link', { name: '続きから' }).click();
  await expect(relaunched.locator('main h1')).toContainText('クイズ3-5');
  await expect(relaunched.getByTestId('quizzes-answered')).toHaveText('7/19');
  // the ticks stayed with the closed tab
  await expect(relaunched.locator('input[name=choice]:checked')).toHaveCount(0);
});

test('a story can be retried; the best result counts', async ({ page }) => {
  await openCourse(page);
  await takeStory(page, 'story1', keyOf);
  await expect(page.getByTestId('story-result')).toContainText('3問中 3問 正解');
  await page.getByRole('button', { name: 'もう一度挑戦する' }).click();
  await expect(page.locator('main h1')).toContainText('クイズ1-1');
  // the header counts the story's quizzes as answered while its retry is under way, beside the score its best try keeps
  await expect(page.getByTestId('quizzes-answered')).toHaveText('3/19');
  await expect(page.getByTestId('score')).toContainText(`${Math.floor((3 * 100) / 19)}点`);
  // the first try's ticks went with its answers
  await expect(page.locator('input[name=choice]:checked')).toHaveCount(0);
  for (const id of ['q1_1', 'q1_2', 'q1_3']) {
    await answer(page, wrongOf(id));
    await page.getByRole('link', { name: /次のクイズへ|結果を見る/ }).click();
  }
  await expect(page.getByTestId('story-result')).toContainText('3問中 0問 正解');
  await expect(page.getByTestId('story-best')).toContainText('3問中 3問 正解（2回の挑戦のうち）');
  await expect(page.getByTestId('score')).toContainText(`${Math.floor((3 * 100) / 19)}点`);
});

test('measure pages carry the nine-measure navigator, the references and the way back to the top', async ({ page }) => {
  await openCourse(page, '#/p/m_access');
  const { nav } = measureNav(page, '7/9');
  await expect(nav.getByRole('link')).toHaveCount(9);
  await expect(nav.locator('[aria-current=page]')).toHaveText('人的アクセス制限');
  await expect(page.locator('.refs')).toContainText('【セルフチェックシートの項目】');
  await expect(page.locator('.refs')).toContainText('【基準該当箇所】');
  await page.getByRole('link', { name: 'トップに戻る' }).click();
  await expect(page.locator('main h1')).toHaveText(course.meta.title);
});

test('paging through the nine measures at 1366 px, the navigator and the heading stay where they are', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openCourse(page, '#/p/m_decide');
  const links = measureNav(page, '1/9').nav.getByRole('link');
  await expect(links).toHaveCount(9);
  const boxes: string[] = [];
  for (let i = 0; i < 9; i++) {
    const name = await links.nth(i).innerText();
    await links.nth(i).click();
    await expect(links.nth(i)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main h1')).toContainText(name);
    const [n, h] = [await measureNav(page, `${i + 1}/9`).nav.boundingBox(), await page.locator('main h1').boundingBox()];
    boxes.push(`${name}: nav ${n!.x},${n!.width}, h1 x ${h!.x}`);
  }
  // one place for all nine: a page laid out wider moved them 110 px left and the navigator to six columns
  expect(new Set(boxes.map((b) => b.split(': ')[1])).size, boxes.join(' | ')).toBe(1);
});
