// Scale of npm run report for a large manufacturer: an interactions download of
// 20,000 learners, generated from the real Moodle download kept as a test
// fixture (its exact header, columns, quoting and date format; only names,
// e-mails and answers vary), read by the report's streaming reader in a child
// process so its peak memory is its own, then by HR's report page in Chromium.
//   npx tsx scripts/bench/report-scale.ts            (prints a JSON line)
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { compileContent } from '../content/compile.ts';
import { PACKAGE_DIR, PROJECT_ROOT, reportPageName } from '../package/targets.ts';
import { fileDownload } from '../report/read.ts';
import { readDownloads } from '../report/run.ts';

export const SCALE_LEARNERS = 20_000;
// the SCORM 1.2 activity's download: Moodle 4.5 writes the answers into it (not for 2004)
export const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'moodle-exports', 'scorm12-interactions.txt');

export interface ScaleResult {
  learners: number;
  rows: number;
  interactionRecords: number;
  bytes: number;
  seconds: number;
  peakMB: number;
  /** HR's report page: from the file chosen to the report shown */
  pageSeconds?: number;
  /** the page's JavaScript heap at its largest, sampled every 50 ms */
  pageHeapMB?: number;
}

/** The row format Moodle's csv_export_writer('tab') writes: quote a cell only when it must. */
const cell = (v: string) => (/[\t"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function generate(file: string, learners: number): Promise<number> {
  const [header, ...rows] = parse(readFileSync(FIXTURE), { delimiter: '\t', bom: true, relax_column_count: true }) as string[][];
  // attempt rows: the attempt column (after name and e-mail) holds a number
  // the learner who answered most (every quiz, and a story retried), so 20,000 rows carry ≈ 400,000 answers
  const attempts = rows.filter((r) => r.length === header.length && /^\d+$/.test(r[2] ?? ''));
  const answers = (r: string[]) => r.filter((c) => /^q\d+_\d+/.test(c)).length;
  const most = Math.max(...attempts.map(answers));
  const templates = attempts.filter((r) => answers(r) === most);
  if (templates.length === 0) throw new Error(`${FIXTURE}: no attempt rows to copy`);
  const out = createWriteStream(file);
  const write = (line: string) => new Promise<void>((resolve) => (out.write(line) ? resolve() : out.once('drain', resolve)));
  await write(header.map(cell).join('\t') + '\n');
  for (let i = 0; i < learners; i++) {
    const row = [...templates[i % templates.length]];
    row[0] = `受講者 ${i + 1}`;
    row[1] = `learner${i + 1}@example.invalid`;
    await write(row.map(cell).join('\t') + '\n');
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return Number(execFileSync('stat', ['-c', '%s', file], { encoding: 'utf8' }).trim());
}

/** The file read by HR's report page (dist/<course-id>-report.html) in a new page of `browser`. */
async function measurePage(browser: Browser, courseId: string, file: string): Promise<{ pageSeconds: number; pageHeapMB: number }> {
  const page = await browser.newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(pathToFileURL(join(PACKAGE_DIR, reportPageName(courseId))).href);
    let peak = 0;
    const sampler = setInterval(() => {
      cdp.send('Runtime.getHeapUsage').then((h) => (peak = Math.max(peak, h.usedSize)), () => undefined);
    }, 50);
    const started = performance.now();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'レポートを作成しました' }).waitFor({ timeout: 300_000 });
    const pageSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    return { pageSeconds, pageHeapMB: peak / 2 ** 20 };
  } finally {
    await page.close();
  }
}

/** Generates the file, then reads it in a child process, and in HR's report page when a browser is given; returns what they measured. */
export async function measureReportScale(learners = SCALE_LEARNERS, page?: { browser: Browser; courseId: string }): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), 'report-scale-'));
  try {
    const file = join(dir, 'interactions.txt');
    const bytes = await generate(file, learners);
    const printed = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--read', file], { encoding: 'utf8', cwd: PROJECT_ROOT });
    const read = JSON.parse(printed.trim().split('\n').pop()!) as Omit<ScaleResult, 'learners' | 'bytes'>;
    return { learners, bytes, ...read, ...(page ? await measurePage(page.browser, page.courseId, file) : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--read');
  if (at > 0) {
    const course = compileContent(join(PROJECT_ROOT, 'content'));
    const started = performance.now();
    const { aggregator } = await readDownloads([fileDownload(process.argv[at + 1])], course);
    const seconds = (performance.now() - started) / 1000;
    // maxRSS is in kilobytes: the whole child's peak, reader and Node together
    const peakMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ rows: aggregator.totals.rows, interactionRecords: aggregator.totals.interactionRecords, seconds, peakMB }));
  } else console.log(JSON.stringify(await measureReportScale()));
}
