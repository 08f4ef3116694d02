// The self-check as the person in charge takes it: the built single file in
// Chromium, every item answered through the radios, the result checked
// against figures worked out here from the answers, kept across a reload, and
// printed without the course around it.
import { expect, test, type Page } from '@playwright/test';
import { course, goTo, guardPage, openCourse } from './course-driver.ts';
import { levelOf } from '../../src/model/checklist.ts';
import type { ChecklistAnswer } from '../../src/model/state.ts';
import { expectNumberedA4, readPdf, textOf } from './pdf.ts';

const LABEL: Record<ChecklistAnswer, string> = { done: '実施済み', partial: '一部実施', not: '未実施', na: '該当なし' };
const PATTERN: ChecklistAnswer[] = ['done', 'partial', 'not', 'done', 'na', 'not', 'done'];
const answerOf = (index: number): ChecklistAnswer => PATTERN[index % PATTERN.length];

const areas = [...new Set(course.checklist.map((i) => i.area))];
const pageOf = (id: string) => course.pages.find((p) => p.id === id)!;

/** What the report must say, worked out directly from the pattern. */
function expected(answerFor: (index: number) => ChecklistAnswer | undefined) {
  const rows = areas.map((area) => {
    const n = { done: 0, partial: 0, not: 0, na: 0, none: 0 };
    course.checklist.forEach((item, i) => {
      if (item.area !== area) return;
      const a = answerFor(i);
      if (a) n[a]++;
      else n.none++;
    });
    const scored = n.done + n.partial + n.not;
    const ratio = scored ? (n.done + n.partial / 2) / scored : null;
    return { area, n, ratio, percent: ratio === null ? null : Math.round(ratio * 100) };
  });
  const rated = rows.filter((r) => r.ratio !== null);
  const overall = rated.length ? Math.round((rated.reduce((s, r) => s + r.ratio!, 0) / rated.length) * 100) : null;
  return { rows, overall };
}

const shown = (p: number | null) => (p === null ? '—' : `${p}%`);

async function answerArea(page: Page, area: string): Promise<void> {
  await expect(page.locator('main h1')).toHaveText(pageOf(area).title);
  for (const [i, item] of course.checklist.entries()) {
    if (item.area !== area) continue;
    await page.getByRole('group', { name: item.text }).getByRole('radio', { name: LABEL[answerOf(i)], exact: true }).check();
  }
  const total = course.checklist.filter((i) => i.area === area).length;
  await expect(page.getByTestId('area-answered')).toHaveText(`回答済み ${total}/${total}項目`);
}

test('the whole checklist answered in a known pattern: per-area figures, chart, level, weakest areas, kept across a reload, printed alone on numbered A4 sheets that name the company, the result first', async ({ page }) => {
  const guard = await guardPage(page);
  await openCourse(page, '#/p/check');
  const total = course.checklist.length;
  await expect(page.getByTestId('checklist-entry-progress')).toHaveText(`回答済み 0/${total}項目`);
  await page.locator('#checklist').getByRole('link', { name: 'チェックを始める' }).click();
  await expect(page.locator('main h1')).toHaveText('チェックリスト形式で確認');
  // the items and levels are the course's own, and the list says so before the first answer
  await expect(page.getByTestId('checklist-authorship')).toContainText('本研修が独自に作成したもの');
  await page.getByRole('link', { name: 'チェックを始める' }).click();

  for (const [index, area] of areas.entries()) {
    await answerArea(page, area);
    const last = index === areas.length - 1;
    await page.locator('.pager-next').click();
    if (last) await expect(page.locator('main h1')).toHaveText('自社の対策状況レポート');
  }

  const want = expected(answerOf);
  await checkReport(page, want);
  // the checklist is not part of the quiz score
  await expect(page.getByTestId('score')).toContainText('0点');
  await expect(page.getByTestId('quizzes-answered')).toHaveText(`0/${course.quizzes.length}`);

  // a reload (a relaunch) restores every answer
  await page.reload();
  await expect(page.locator('main h1')).toHaveText('自社の対策状況レポート');
  await checkReport(page, want);
  for (const area of areas) {
    await goTo(page, `#/checklist/${area}`);
    await expect(page.locator('main h1')).toHaveText(pageOf(area).title);
    for (const [i, item] of course.checklist.entries()) {
      if (item.area !== area) continue;
      await expect(page.locator(`input[name=${item.id}][value=${answerOf(i)}]`)).toBeChecked();
    }
  }
  await goTo(page, '#/p/check');
  await expect(page.getByTestId('checklist-entry-progress')).toHaveText(`回答済み ${total}/${total}項目`);

  // printed: the report with the company's name, none of the course's navigation
  await goTo(page, '#/checklist/result');
  await page.getByLabel('会社名').fill('株式会社テスト製作所');
  await expect(page.getByTestId('report-company')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.site-header', '.site-footer', '.notices', '.breadcrumb', '.skip-link', '.report-tools'])
    await expect(page.locator(chrome).first(), chrome).toBeHidden();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByTestId('report-company')).toBeVisible();
  await expect(page.getByTestId('report-company')).toContainText('株式会社テスト製作所');
  await expect(page.locator('.report-meta')).toContainText(/作成日\s*\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByTestId('area-chart')).toBeVisible();
  await expect(page.getByTestId('area-table')).toBeVisible();
  const openCount = want.rows.reduce((n, r) => n + r.n.not + r.n.partial, 0);
  await expect(page.locator('.report-open li')).toHaveCount(openCount);
  await expect(page.locator('.report-open li').first()).toBeVisible();
  // handed on as paper, the report still tells the source's references from the course's own mapping
  await expect(page.getByTestId('report-authorship')).toBeVisible();
  const mapped = areas.filter((a) => (course.checklistRefs[a]?.related?.length ?? 0) > 0);
  expect(mapped.length).toBeGreaterThan(0);
  for (const area of mapped) {
    const refs = page.locator(`.report-open-area[data-area=${area}] .report-refs`);
    await expect(refs).toBeVisible();
    await expect(refs).toContainText(`【関連する項目（本研修による対応付け）】${course.checklistRefs[area]!.related![0]}`);
  }

  const sheets = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  expect(sheets.length).toBeGreaterThan(1);
  // each sheet says at its head whose report it is
  expectNumberedA4(sheets, '自社の対策状況レポート株式会社テスト製作所');
  // the result comes first, with the legend of the bars' colours
  const first = textOf(sheets[0]);
  expect(first).toContain(`レベル${levelOf(course.checklistLevels, want.overall!).rank}`);
  for (const level of course.checklistLevels) expect(first).toContain(`レベル${level.rank}${level.label}`);
  expect(guard.outside).toEqual([]);
  expect(guard.errors).toEqual([]);
});

async function checkReport(page: Page, want: ReturnType<typeof expected>): Promise<void> {
  const table = page.getByTestId('area-table');
  await expect(table.locator('caption')).toHaveText('対策ごとの実施状況');
  const chart = page.getByTestId('area-chart');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-label', /対策ごとの実施率/);
  const trackWidth = Number(await chart.locator('.area-chart-track').first().getAttribute('width'));
  for (const r of want.rows) {
    const cells = table.locator(`tr[data-area=${r.area}] > *`);
    await expect(cells).toHaveText([pageOf(r.area).navLabel, shown(r.percent), `${r.n.done}`, `${r.n.partial}`, `${r.n.not}`, `${r.n.na}`, `${r.n.none}`]);
    const bar = chart.locator(`g[data-area=${r.area}] .area-chart-bar`);
    if (r.percent === null) await expect(bar).toHaveCount(0);
    else {
      expect(Number(await bar.getAttribute('width'))).toBeCloseTo((trackWidth * r.percent) / 100, 6);
      await expect(chart.locator(`g[data-area=${r.area}] .area-chart-value`)).toHaveText(shown(r.percent));
    }
  }
  await expect(page.getByTestId('overall-rate')).toHaveText(shown(want.overall));
  const level = levelOf(course.checklistLevels, want.overall!);
  await expect(page.getByTestId('overall-level')).toContainText(`レベル${level.rank}`);
  await expect(page.getByTestId('overall-level')).toContainText(level.label);
  await expect(page.getByTestId('overall-level')).toContainText(`総合 ${want.overall}%`);
  if (want.rows.every((r) => r.n.none === 0)) await expect(page.getByTestId('level-basis')).toHaveCount(0);

  const weakest = want.rows
    .filter((r) => r.ratio !== null && r.ratio < 1)
    .map((r, order) => ({ r, order }))
    .sort((a, b) => a.r.ratio! - b.r.ratio! || a.order - b.order)
    .map(({ r }) => r.area)
    // the three to take on first
    .slice(0, 3);
  const links = page.getByTestId('weakest-areas').getByRole('link');
  await expect(links).toHaveText(weakest.map((a) => pageOf(a).navLabel));
  for (const [i, area] of weakest.entries()) await expect(links.nth(i)).toHaveAttribute('href', `#/p/${area}`);
}

test('a partly answered checklist: 該当なし and unanswered stay out of the figures and the report says what is missing', async ({ page }) => {
  const guard = await guardPage(page);
  const [first, second] = areas;
  const firstItems = course.checklist.filter((i) => i.area === first);
  const secondItems = course.checklist.filter((i) => i.area === second);
  const chosen = new Map<string, ChecklistAnswer>([
    [firstItems[0].id, 'done'],
    [firstItems[1].id, 'not'],
    ...secondItems.map((i) => [i.id, 'na'] as [string, ChecklistAnswer]),
  ]);
  await openCourse(page, `#/checklist/${first}`);
  for (const area of [first, second]) {
    await goTo(page, `#/checklist/${area}`);
    await expect(page.locator('main h1')).toHaveText(pageOf(area).title);
    for (const item of course.checklist.filter((i) => i.area === area && chosen.has(i.id)))
      await page.getByRole('group', { name: item.text }).getByRole('radio', { name: LABEL[chosen.get(item.id)!], exact: true }).check();
  }
  // change of mind: the last click counts
  await goTo(page, `#/checklist/${first}`);
  await page.getByRole('group', { name: firstItems[1].text }).getByRole('radio', { name: '一部実施', exact: true }).check();
  chosen.set(firstItems[1].id, 'partial');

  await goTo(page, '#/checklist/result');
  const want = expected((i) => chosen.get(course.checklist[i].id));
  await expect(page.getByTestId('report-pending')).toContainText(`未回答の項目が${course.checklist.length - chosen.size}件あります`);
  // a level from a few answers says so where it is given
  await expect(page.getByTestId('level-basis')).toHaveText(`全${course.checklist.length}項目のうち、回答済みの${chosen.size}項目から求めた暫定の評価です。`);
  await checkReport(page, want);
  // only the first area has a figure: (1 + 0.5) / 2
  expect(want.rows.filter((r) => r.percent !== null).map((r) => [r.area, r.percent])).toEqual([[first, 75]]);
  await expect(page.locator(`.report-open-area[data-area=${first}] li`)).toHaveCount(1);
  await expect(page.locator('.report-open-area')).toHaveCount(1);
  // the report's end leads on: back to the areas, or to the top
  const onward = page.locator('main .checklist-report > .actions').getByRole('link');
  await expect(onward).toHaveText(['対策の一覧へ', 'トップに戻る']);
  await onward.first().click();
  await expect(page).toHaveURL(/#\/checklist$/);
  expect(guard.outside).toEqual([]);
  expect(guard.errors).toEqual([]);
});

test('a report opened before any answer says there is none yet and gives no all-clear', async ({ page }) => {
  await openCourse(page, '#/checklist/result');
  await expect(page.locator('main h1')).toHaveText('自社の対策状況レポート');
  await expect(page.getByTestId('report-pending')).toContainText('まだどの項目にも回答していません。');
  await expect(page.getByTestId('report-pending')).not.toContainText('より正確な結果');
  await expect(page.getByTestId('overall-level')).toHaveText('まだ評価できる回答がありません。');
  const open = page.locator('.report-open');
  await expect(open).toContainText('まだ評価できる回答がありません。');
  await expect(open).not.toContainText('のものはありません');
});
