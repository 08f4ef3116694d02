// npm start -- --zip FILE.zip as a training owner runs it on a package handed
// over by someone else: the preview LMS plays that zip's own files, not the
// build, in the version its manifest declares, and records what it sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PACKAGE_DIR, PROJECT_ROOT, SCORM_12, SCORM_2004, packageFileName } from '../../scripts/package/targets.ts';
import { readZip } from '../../scripts/package/unzip.ts';
import { deterministicZip } from '../../scripts/package/zip.ts';

const MARK = 'ZIPから読み込んだ版';
let server: ChildProcess | undefined;
const tmp = mkdtempSync(join(tmpdir(), 'preview-zip-test-'));
// fullyParallel: one worker may run a test of this file after its afterAll has removed the folder
test.beforeEach(() => mkdirSync(tmp, { recursive: true }));
test.afterAll(() => {
  server?.kill();
  rmSync(tmp, { recursive: true, force: true });
});

/** npm start -- --zip: starts the preview of that zip and returns its address */
function previewZip(zip: string): Promise<string> {
  server?.kill();
  server = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'preview.ts'), '--port', '0', '--zip', zip], { cwd: PROJECT_ROOT });
  return new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?v=[\d.]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server!.on('exit', (code) => reject(new Error(`preview exited ${code}: ${out}`)));
  });
}

test('previews a given SCORM 1.2 zip: its own index.html, under a 1.2 API, with the records panel', async ({ page }) => {
  test.setTimeout(120_000);
  // the built 1.2 zip with a visible change, so the page can only come from the zip
  const entries = readZip(readFileSync(join(PACKAGE_DIR, packageFileName('gijutsu-joho-kanri', SCORM_12)))).map((e) =>
    e.name === 'index.html' ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replaceAll('技術等情報管理に関する研修', MARK)) } : { name: e.name, data: e.data },
  );
  const zip = join(tmp, 'handed-over.zip');
  writeFileSync(zip, await deterministicZip(entries));

  const url = await previewZip(zip);
  expect(url).toMatch(/\?v=1\.2$/);

  await page.goto(url);
  const course = page.frameLocator('#lms').frameLocator('#course');
  await expect(course.locator('main')).toContainText(MARK);
  // the course found the LMS's 1.2 API: the records panel shows what it stored
  await expect(page.locator('[data-testid=attempt] [data-field=status]')).toHaveText('incomplete');
});

test('gives the course the pass mark of the zip\'s own manifest, not the project\'s', async ({ page }) => {
  test.setTimeout(120_000);
  // the built 2004 zip with its manifest's pass mark raised from 0.8 to 0.9, as another edition's would be
  const entries = readZip(readFileSync(join(PACKAGE_DIR, packageFileName('gijutsu-joho-kanri', SCORM_2004)))).map((e) => {
    if (e.name !== 'imsmanifest.xml') return { name: e.name, data: e.data };
    const xml = e.data.toString('utf8');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>');
    return { name: e.name, data: Buffer.from(xml.replace('<imsss:minNormalizedMeasure>0.8<', '<imsss:minNormalizedMeasure>0.9<')) };
  });
  const zip = join(tmp, 'edition-90.zip');
  writeFileSync(zip, await deterministicZip(entries));
  await page.goto(await previewZip(zip));
  await expect(page.locator('#course-title')).toContainText('（合格点 90）');
  const course = page.frameLocator('#lms').frameLocator('#course');
  await expect(course.getByTestId('completion-rule')).toContainText('（得点90点以上）');
});

test('refuses to preview a zip with a defect, saying why', async () => {
  const zip = join(tmp, 'no-launch.zip');
  const entries = readZip(readFileSync(join(PACKAGE_DIR, packageFileName('gijutsu-joho-kanri', SCORM_12)))).filter((e) => e.name !== 'index.html');
  writeFileSync(zip, await deterministicZip(entries.map((e) => ({ name: e.name, data: e.data }))));
  const run = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'preview.ts'), '--port', '0', '--zip', zip], { cwd: PROJECT_ROOT });
  let out = '';
  run.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  run.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
  expect(code).not.toBe(0);
  expect(out).toContain('起動ファイル index.html がパッケージにありません');
  expect(out).toContain('cannot preview this package');
});
