// A course built with a company's settings (course.yaml company: name, logo,
// colour, contact): each place they show, and axe on those screens.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { COMPANY, writeCompanyContent } from '../fixtures/company.ts';
import { axeViolations, completeCourseState } from './a11y-driver.ts';
import { LIVE_WELCOME } from '../../scripts/lms-host/driver.ts';
import { expectNumberedA4, readPdf, textOf } from './pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'company-build-'));
let url = '';

test.beforeAll(() => {
  test.setTimeout(300_000);
  const content = writeCompanyContent(dir);
  const out = join(dir, 'course');
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], { env: { ...process.env, COURSE_CONTENT: content }, stdio: 'pipe' });
  url = pathToFileURL(join(out, 'index.html')).href;
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${url}${hash}`);
  await expect(page.locator('main')).toBeVisible();
}

test('the company shows where the training owner expects it, in its colour, with no axe violation', async ({ page }) => {
  test.setTimeout(180_000);
  // the welcome screen a launch opens at names whose training this is
  await page.goto(url);
  await expect(page.locator(LIVE_WELCOME)).toBeVisible();
  await expect(page.getByTestId('welcome-company')).toHaveText(COMPANY.name);
  expect(await axeViolations(page)).toEqual([]);

  // the colour replaces the course's own blue
  await open(page, '#/p/m_reporting');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe(COMPANY.color);

  // the report-rule page names whom to tell
  const contact = page.locator('article.page-m_reporting .company-contact');
  await expect(contact).toContainText('情報漏えい等の報告先');
  await expect(contact).toContainText(COMPANY.contactName);
  await expect(contact).toContainText(COMPANY.phone);
  await expect(contact).toContainText(COMPANY.mail);
  expect(await axeViolations(page)).toEqual([]);

  // story 4's reporting quiz says it again after the answer
  await page.evaluate(() => (location.hash = '#/q/q4_1'));
  await page.locator('input[name=choice][value=b]').check();
  await page.locator('input[name=choice][value=c]').check();
  await page.getByRole('button', { name: '解答する' }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(page.locator('main .company-contact')).toContainText(COMPANY.contactName);
  expect(await axeViolations(page)).toEqual([]);

  // the checklist report carries the name on screen and on paper, with the logo
  await page.evaluate(() => (location.hash = '#/checklist/result'));
  await expect(page.getByTestId('report-company')).toContainText(COMPANY.name);
  await expect(page.getByTestId('report-company')).toBeVisible();
  // the report is the company's own: no field to type another name over it
  await expect(page.getByRole('textbox', { name: /会社名/ })).toHaveCount(0);
  await expect(page.locator('.company-logo svg title')).toHaveText('テスト精機');
  expect(await page.locator('.company-logo').innerHTML()).not.toMatch(/script|on\w+=/i);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  expectNumberedA4(await readPdf(await page.pdf({ preferCSSPageSize: true })), `自社の対策状況レポート${COMPANY.name}`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: 'test-results/company-checklist-report-360.png', fullPage: false });
});

test('the certificate of a finished course carries the company, on screen and on paper', async ({ page }) => {
  test.setTimeout(180_000);
  await completeCourseState(page);
  await open(page, '#/complete');
  await expect(page.getByTestId('certificate-company')).toHaveText(COMPANY.name);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('certificate-company')).toBeVisible();
  await expect(page.getByTestId('certificate-company')).toHaveText(COMPANY.name);
  const [sheet, ...more] = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(more).toHaveLength(0);
  expect(textOf(sheet)).toContain(COMPANY.name);
});
