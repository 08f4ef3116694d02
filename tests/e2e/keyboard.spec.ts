// The whole course by keyboard alone: Tab and Shift+Tab to move, Enter to
// follow links and press buttons, Space to tick. No clicks, no address typed
// after the first load. Radio groups add the arrow keys, as they do everywhere.
import { expect, test, type Page } from '@playwright/test';
import { course, guardPage, keyOf, openCourse } from './course-driver.ts';
import { tabTo } from './a11y-driver.ts';

const press = (page: Page, key: string) => page.keyboard.press(key);

async function follow(page: Page, name: string | RegExp, { back = false } = {}): Promise<void> {
  await tabTo(page, page.locator('main').getByRole('link', { name, exact: typeof name === 'string' }).first(), { back });
  await press(page, 'Enter');
}

async function backToMenu(page: Page): Promise<void> {
  // the breadcrumb sits above the focused heading
  await tabTo(page, page.locator('.breadcrumb').getByRole('link', { name: 'トップ' }), { back: true });
  await press(page, 'Enter');
  await expect(page.locator('main section.menu h1')).toBeFocused();
}

async function readSection(page: Page, section: (typeof course.sections)[number]): Promise<void> {
  await tabTo(page, page.locator('.menu-cards').getByRole('link', { name: section.title, exact: true }));
  await press(page, 'Enter');
  for (const [i, id] of section.pages.entries()) {
    if (i > 0) {
      await tabTo(page, page.locator('.pager-next'));
      await press(page, 'Enter');
    }
    await expect(page.locator(`main article.page-${id} h1`)).toBeFocused();
  }
}

/**
 * Ticks the key's letters with Space. With `slip`, first ticks a wrong choice
 * below them, goes back up with Shift+Tab, and later takes the wrong tick back.
 */
async function answerQuiz(page: Page, quizId: string, submitKey: 'Enter' | 'Space', { slip = false } = {}): Promise<void> {
  const quiz = course.quizzes.find((q) => q.id === quizId)!;
  await expect(page.locator('main article.quiz h1', { hasText: `クイズ${quiz.number}` })).toBeFocused();
  const key = keyOf(quizId);
  const box = (letter: string) => page.locator(`input[name=choice][value=${letter}]`);
  const wrong = slip ? quiz.choices.map((c) => c.id).filter((id) => id > key[key.length - 1]).pop() : undefined;
  if (slip && !wrong) throw new Error(`${quizId} has no wrong choice below its key`);
  if (wrong) {
    await tabTo(page, box(wrong));
    await press(page, 'Space');
    await expect(box(wrong)).toBeChecked();
  }
  for (const [i, letter] of [...key].entries()) {
    await tabTo(page, box(letter), { back: wrong !== undefined && i === 0 });
    await press(page, 'Space');
    await expect(box(letter)).toBeChecked();
  }
  if (wrong) {
    await tabTo(page, box(wrong));
    await press(page, 'Space');
    await expect(box(wrong)).not.toBeChecked();
  }
  await tabTo(page, page.getByRole('button', { name: '解答する' }));
  await press(page, submitKey);
  await expect(page.getByTestId('verdict')).toBeFocused();
  await expect(page.getByTestId('verdict')).toHaveText('○ 正解');
}

test('the whole course by keyboard alone: every page through links, every quiz right, 100 points, passed', async ({ page }) => {
  // some 250 key presses: about 40 s on an idle machine, four times that on a CI machine under load
  test.setTimeout(240_000);
  const guard = await guardPage(page);
  await openCourse(page);

  for (const section of course.sections) {
    await readSection(page, section);
    await backToMenu(page);
  }
  await expect(page.getByTestId('pages-visited')).toHaveText(`${course.pages.length}/${course.pages.length}`);

  // the stories live on the last page of the check section
  const check = course.sections.find((s) => s.id === 'check')!;
  await readSection(page, check);
  for (const [n, story] of course.stories.entries()) {
    if (n === 0) await follow(page, `ストーリー${story.number}　${story.title}`);
    await expect(page.locator('main article.story h1', { hasText: `ストーリー${story.number}` })).toBeFocused();
    await follow(page, 'クイズを始める');
    for (const [i, quizId] of story.quizzes.entries()) {
      await answerQuiz(page, quizId, i % 2 === 0 ? 'Enter' : 'Space', { slip: quizId === 'q1_2' });
      await follow(page, /^(次のクイズへ|結果を見る)$/);
    }
    await expect(page.getByTestId('story-result')).toHaveText(`今回の結果：${story.quizzes.length}問中 ${story.quizzes.length}問 正解`);
    await expect(page.locator('main article.result h1')).toBeFocused();
    const next = course.stories[n + 1];
    await follow(page, next ? `ストーリー${next.number}へ進む` : 'ストーリー一覧へ');
  }
  await expect(page.locator(`main article.page-${check.pages[check.pages.length - 1]} h1`)).toBeFocused();
  await expect(page.getByTestId('quizzes-answered')).toHaveText(`${course.quizzes.length}/${course.quizzes.length}`);
  await expect(page.getByTestId('score')).toContainText('100点');

  await backToMenu(page);
  await expect(page.getByTestId('course-status')).toHaveText('合格（修了）');
  expect(guard.outside).toEqual([]);
  expect(guard.errors).toEqual([]);
});

test('a checklist area by keyboard: Tab into each item, arrows to choose among its four answers, Space for the first', async ({ page }) => {
  await openCourse(page, '#/checklist');
  await follow(page, 'チェックを始める');
  const area = course.checklist[0].area;
  const items = course.checklist.filter((i) => i.area === area);
  await expect(page.locator(`main article.checklist-area h1`)).toBeFocused();
  const labels = ['実施済み', '一部実施', '未実施', '該当なし'];
  for (const [n, item] of items.entries()) {
    const group = page.getByRole('group', { name: item.text });
    // an unanswered group is one Tab stop, its first answer
    await tabTo(page, group.getByRole('radio').first());
    const choice = n % labels.length;
    if (choice === 0) await press(page, 'Space');
    for (let k = 0; k < choice; k++) await press(page, 'ArrowRight');
    await expect(group.getByRole('radio', { name: labels[choice], exact: true })).toBeChecked();
  }
  await expect(page.getByTestId('area-answered')).toHaveText(`回答済み ${items.length}/${items.length}項目`);
  await tabTo(page, page.locator('.pager-next'));
  await press(page, 'Enter');
  const next = course.checklist.find((i) => i.area !== area)!.area;
  await expect(page.locator('main article.checklist-area h1', { hasText: course.pages.find((p) => p.id === next)!.title })).toBeFocused();
});

test('tabs by keyboard: one Tab stop, arrows, Home and End choose a tab, Tab goes on into its panel; closed panels keep their text', async ({ page }) => {
  await openCourse(page, '#/p/m_identify');
  const tabs = page.locator('main [role=tablist]').first().getByRole('tab');
  const names = ['紙の場合', '電子情報の場合', '試作品・製造装置の場合'];
  await expect(tabs).toHaveText(names);
  const panelOf = async (i: number) => page.locator(`#${await tabs.nth(i).getAttribute('aria-controls')}`);
  const expectSelected = async (i: number) => {
    await expect(tabs.nth(i)).toBeFocused();
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    for (let k = 0; k < names.length; k++) {
      const panel = await panelOf(k);
      if (k === i) await expect(panel).toBeVisible();
      else await expect(panel).toBeHidden();
      if (k !== i) await expect(tabs.nth(k)).toHaveAttribute('tabindex', '-1');
    }
  };
  await tabTo(page, tabs.first());
  await expectSelected(0);
  await press(page, 'ArrowRight');
  await expectSelected(1);
  await expect(await panelOf(1)).toContainText('【社外秘】設計図.doc');
  await press(page, 'End');
  await expectSelected(2);
  await press(page, 'ArrowRight');
  await expectSelected(0);
  await press(page, 'ArrowLeft');
  await expectSelected(2);
  await press(page, 'Home');
  await expectSelected(0);
  // the closed panels' words are still in the page, for find and print
  await expect(page.locator('main')).toContainText('禁撮影');
  // from the selected tab, Tab moves into its panel, not to the next tab nor into a closed panel before it
  await press(page, 'Tab');
  await expect(await panelOf(0)).toBeFocused();
  await press(page, 'Shift+Tab');
  await press(page, 'ArrowRight');
  await expectSelected(1);
  await press(page, 'Tab');
  await expect(await panelOf(1)).toBeFocused();
  await press(page, 'Shift+Tab');
  await expect(tabs.nth(1)).toBeFocused();
});

test('disclosures by keyboard: Enter and Space open and close, the text is there while closed', async ({ page }) => {
  await openCourse(page, '#/p/reference');
  const details = page.locator('main details.disclosure').first();
  const summary = details.locator('summary');
  await expect(summary).toHaveText('期待される到達レベルの考え方');
  await expect(details).not.toHaveAttribute('open');
  expect(await details.textContent()).toContain('監査ガイドラインに示した対策の考え方');
  await tabTo(page, summary);
  await press(page, 'Enter');
  await expect(details).toHaveAttribute('open');
  await expect(details.getByText('監査ガイドラインに示した対策の考え方を示したものです。')).toBeVisible();
  await press(page, 'Space');
  await expect(details).not.toHaveAttribute('open');
});
