// The LMS guide's page (dist/<course-id>-guide.html, scripts/guide/page.ts),
// opened from disk in Chromium as the owner or HR would open it beside the
// zips: readable on a phone and a laptop, its contents leading to each
// section, nothing fetched, and a print on A4 pages. And the announcement to
// learners beside it, against the welcome screen the built course shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { expect, test } from '@playwright/test';
import { PACKAGE_DIR, PROJECT_ROOT } from '../../scripts/package/targets.ts';
import { axeViolations } from './a11y-driver.ts';
import { expectNumberedA4, readPdf, textOf } from './pdf.ts';

const COURSE = parseYaml(readFileSync(join(PROJECT_ROOT, 'content', 'course.yaml'), 'utf8')) as { id: string };
const PAGE = pathToFileURL(join(PACKAGE_DIR, `${COURSE.id}-guide.html`)).href;

for (const viewport of [{ width: 360, height: 740 }, { width: 1366, height: 768 }]) {
  test(`at ${viewport.width} px: no sideways scrolling, no axe violation, and the contents lead to §2.1`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(PAGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('LMS 管理者・人事担当者向けガイド');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: '目次' }).getByRole('link', { name: '2.1 推奨設定' }).click();
    const heading = page.getByRole('heading', { level: 3, name: '2.1 推奨設定' });
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(viewport.height / 4);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });
}

test('at 360 px a table row reads as a card: each cell says which column it is', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(PAGE);
  const table = page.locator('table').filter({ has: page.getByRole('columnheader', { name: '推奨値' }) });
  const cell = table.locator('tbody tr').first().locator('td').nth(2);
  await expect(cell).toContainText('現在のウィンドウ');
  const shown = await cell.evaluate((td) => ({
    label: getComputedStyle(td, '::before').content,
    width: td.getBoundingClientRect().width,
  }));
  expect(shown.label).toBe('"推奨値"');
  // a stacked cell spans the card, not a quarter of it
  expect(shown.width).toBeGreaterThan(280);
});

test('prints on numbered A4 pages, none but the last left mostly blank, the contents alone on the first', async ({ page }) => {
  await page.goto(PAGE);
  await page.emulateMedia({ media: 'print' });
  const contents = await page.getByRole('navigation', { name: '目次' }).evaluate((nav) => getComputedStyle(nav).breakAfter);
  expect(contents).toBe('page');
  const sheets = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  expect(sheets.length).toBeGreaterThan(5);
  expectNumberedA4(sheets);
  expect(textOf(sheets[0])).toContain('目次');
  expect(textOf(sheets[1])).not.toContain('目次');
});

test("the announcement to learners says what the course's welcome screen says: time and completion rule, word for word", async ({ page }) => {
  const text = readFileSync(join(PACKAGE_DIR, `${COURSE.id}-announcement.txt`), 'utf8');
  const lines = text.split('\r\n');
  await page.goto(pathToFileURL(join(PACKAGE_DIR, 'course', 'index.html')).href);
  const duration = (await page.getByTestId('duration').innerText()).trim();
  const rule = (await page.getByTestId('completion-rule').getByRole('listitem').allInnerTexts()).map((t) => t.trim());
  expect(rule.length).toBeGreaterThan(0);
  expect(lines[lines.indexOf('■ 所要時間') + 1].startsWith(`${duration}（`)).toBe(true);
  expect(lines.slice(lines.indexOf('■ 修了の条件') + 1, lines.indexOf('■ 修了の条件') + 1 + rule.length)).toEqual(rule.map((r) => `・${r}`));
});
