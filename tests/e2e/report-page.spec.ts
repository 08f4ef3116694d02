// HR's report page (dist/<course-id>-report.html, scripts/report/page/), opened
// from disk in Chromium as HR would open it (engine-checks.ts opens it in
// Safari's engine and in Firefox), fed Moodle's real downloads
// (tests/fixtures/moodle-exports/, the ones tests/unit/report.test.ts checks
// `npm run report` against records.sh with): the page must give the report the
// command line writes for the same files, learners and passes as records.sh
// has them, send nothing anywhere, and stop on a broken file saying where.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './a11y-driver.ts';
import { inspect, TEXT_CONTRAST } from './colours.ts';
import { expectNumberedA4, linesOf, readPdf, textOf } from './pdf.ts';
import { cliReport, COURSE, FIXTURES, REPORT_PAGE as PAGE } from './report-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'report-page-'));
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Opens the page, noting every request it makes; returns them. */
async function openPage(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('受講状況レポートの作成');
  return requests;
}

async function choose(page: Page, files: string[]): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(files);
}

const reportFrame = (page: Page) => page.frameLocator('iframe[title=受講状況レポート]');

for (const tag of ['scorm12', 'scorm2004'])
  test(`${tag}: the page gives the report npm run report writes from the same downloads, and asks for nothing from outside`, async ({ page }) => {
    const files = ['basic', 'interactions'].map((k) => join(FIXTURES, `${tag}-${k}.txt`));
    const requests = await openPage(page);
    await choose(page, files);
    await expect(page.getByRole('status')).toContainText('レポートを作成しました');
    // the same page, byte for byte, as the command line's
    expect(await page.locator('iframe').getAttribute('srcdoc')).toBe(cliReport(files));
    // learners and passes as Moodle stored them (records.sh), not as the report's code reads them
    const records = JSON.parse(readFileSync(join(FIXTURES, `${tag}-records.json`), 'utf8')) as {
      users: Array<{ attempts: Array<{ scos: Array<{ elements: Record<string, { value: string }> }> }> }>;
    };
    const best = (u: (typeof records.users)[number]) =>
      Math.max(-1, ...u.attempts.flatMap((a) => a.scos.map((s) => Number((s.elements['cmi.score.raw'] ?? s.elements['cmi.core.score.raw'])?.value ?? -1))));
    const passed = records.users.filter((u) => best(u) >= COURSE.passMark).length;
    const learners = new Set((parseCsv(readFileSync(files[0]), { delimiter: '\t', bom: true, relax_column_count: true }) as string[][]).slice(1).map((r) => r[0])).size;
    await expect(reportFrame(page).locator('[data-figure=enrolled]')).toHaveText(`${learners} 人`);
    await expect(reportFrame(page).locator('[data-figure=passed]')).toHaveText(`${passed} 人`);
    await expect(page.getByRole('status')).toContainText(`対象 ${learners} 人`);
    // nothing but the page itself was ever asked for
    expect(requests).toEqual([PAGE]);
  });

test('the Excel and ODS downloads give the report npm run report writes from them', async ({ page }) => {
  await openPage(page);
  for (const format of ['xlsx', 'ods']) {
    const files = ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-${k}.${format}`));
    await choose(page, files);
    await expect(page.getByRole('status')).toContainText(`scorm12-basic.${format}`);
    expect(await page.locator('iframe').getAttribute('srcdoc')).toBe(cliReport(files));
  }
});

test('downloads dropped on the page give the same report as downloads chosen', async ({ page }) => {
  await openPage(page);
  const files = ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-${k}.txt`));
  const contents = files.map((f) => ({ name: f.split('/').pop()!, text: readFileSync(f, 'utf8') }));
  const dropped = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return data;
  }, contents);
  await page.dispatchEvent('.drop', 'drop', { dataTransfer: dropped });
  await expect(page.getByRole('status')).toContainText('レポートを作成しました');
  expect(await page.locator('iframe').getAttribute('srcdoc')).toBe(cliReport(files));
});

test('a file dragged over the page shows where it goes, in a contrast theme too (which paints no background colour)', async ({ page }) => {
  await openPage(page);
  const area = page.locator('.drop');
  const dragged = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
    return data;
  });
  for (const forcedColors of ['none', 'active'] as const) {
    await page.emulateMedia({ forcedColors });
    const still = await area.screenshot();
    await page.dispatchEvent('.drop', 'dragover', { dataTransfer: dragged });
    expect((await area.screenshot()).equals(still), `forced colours ${forcedColors}: the area looks the same while a file is over it`).toBe(false);
    await page.dispatchEvent('.drop', 'dragleave', { dataTransfer: dragged });
    expect((await area.screenshot()).equals(still), `forced colours ${forcedColors}: the area is back as it was`).toBe(true);
  }
});

test('the report saved from the page is the report shown; the frame runs no script', async ({ page }) => {
  await openPage(page);
  await choose(page, ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-${k}.txt`)));
  await expect(page.getByRole('status')).toContainText('レポートを作成しました');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'HTML ファイルとして保存' }).click()]);
  const saved = join(tmp, 'saved.html');
  await download.saveAs(saved);
  // the day, as this test computes it
  const now = new Date();
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  expect(download.suggestedFilename()).toBe(`受講状況レポート_${day}.html`);
  expect(readFileSync(saved, 'utf8')).toBe(await page.locator('iframe').getAttribute('srcdoc'));
  const sandbox = (await page.locator('iframe').getAttribute('sandbox'))!.split(/\s+/);
  expect(sandbox).not.toContain('allow-scripts');
  await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();
});

test('printed, the report is numbered A4 sheets, each headed with the course and the report, none but the last mostly blank', async ({ page }) => {
  // what 印刷する prints is the frame's document: the report as npm run report writes it
  const report = join(tmp, 'printed.html');
  writeFileSync(report, cliReport(['basic', 'interactions', 'checklist-interactions'].map((k) => join(FIXTURES, `scorm12-${k}.txt`))));
  await page.goto(pathToFileURL(report).href);
  await page.emulateMedia({ media: 'print' });
  const sheets = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  expect(sheets.length).toBeGreaterThan(2);
  expectNumberedA4(sheets, `${COURSE.title}受講状況レポート`);
  // a column header stays on one line, however narrow its figures, and so does a quiz's number
  expect(sheets.map(textOf).find((text) => text.includes('最も多かった誤り'))).toContain('番号問題回答正解正答率最も多かった誤り');
  expect(sheets.flatMap(linesOf).some((l) => l.text.startsWith('3-10具体的な対策実施'))).toBe(true);
});

test('a broken download stops the page with the file and the line, and shows no report', async ({ page }) => {
  await openPage(page);
  // first a good report, so that the broken file's refusal is seen to take it away
  await choose(page, ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-${k}.txt`)));
  await expect(page.locator('iframe')).toBeVisible();
  const lines = readFileSync(join(FIXTURES, 'scorm12-interactions.txt'), 'utf8').split('\n');
  lines[2] = lines[2].split('\t').slice(0, 3).join('\t'); // a row cut short, as an edited or truncated file has
  const bad = join(tmp, 'cut.txt');
  writeFileSync(bad, lines.join('\n'));
  await choose(page, [bad]);
  await expect(page.getByRole('status')).toContainText('読めないファイルがあります。レポートは作成していません。');
  await expect(page.getByRole('status')).toContainText('cut.txt:3: この行の列は 3 個で、見出しの');
  await expect(page.getByRole('status')).toContainText('row has 3 columns');
  await expect(page.locator('iframe')).toBeHidden();
  // the same file mended and chosen again is read again
  writeFileSync(bad, readFileSync(join(FIXTURES, 'scorm12-interactions.txt')));
  await choose(page, [bad]);
  await expect(page.getByRole('status')).toContainText('レポートを作成しました（cut.txt）');
  await expect(page.locator('iframe')).toBeVisible();
  // an interactions download as Moodle's default options give it (responses only, no question ids): what to tick
  await choose(page, [join(FIXTURES, 'scorm12-interactions-responses-only.txt')]);
  await expect(page.getByRole('status')).toContainText('「問題概要（Summary of question）」と「レスポンス概要（Summary of responses）」');
  await expect(page.locator('iframe')).toBeHidden();
  // a file that is not a spreadsheet at all, named as one
  const notSheet = join(tmp, 'notes.xlsx');
  writeFileSync(notSheet, 'これは表ではありません');
  await choose(page, [notSheet]);
  await expect(page.getByRole('status')).toContainText('notes.xlsx');
  await expect(page.locator('iframe')).toBeHidden();
});

test('the page and its report have no axe violations (WCAG 2.1 AA)', async ({ page }) => {
  await openPage(page);
  expect(await axeViolations(page)).toEqual([]);
  await choose(page, ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-${k}.txt`)));
  await expect(reportFrame(page).locator('[data-figure=enrolled]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("in a contrast theme (forced colours) the report's charts keep their figures and labels", async ({ page }) => {
  await openPage(page);
  await choose(page, ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-${k}.txt`)));
  await expect(reportFrame(page).locator('[data-figure=enrolled]')).toBeVisible();
  const report = page.frames().find((f) => f !== page.mainFrame())!;
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    const { svgText } = await report.evaluate(inspect, 'main');
    // the score distribution's counts and bands, each quiz's number and rate
    expect(svgText.length).toBeGreaterThan(20);
    for (const text of svgText) expect(text.contrast, `${colorScheme}: ${text.where}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  }
});
