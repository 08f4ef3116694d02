// npm run report -- EXPORT... [--out FILE.html]: one HTML report from the
// Basic and Interactions reports HR downloads from Moodle's SCORM activity
// (scripts/report/). A file that cannot be read stops it with the file and
// line, and nothing is written.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileContent } from './content/compile.ts';
import { PROJECT_ROOT } from './package/targets.ts';
import { fileDownload } from './report/read.ts';
import { ReportInputError } from './report/rows.ts';
import { report } from './report/run.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'scorm-report.html' } } });
  if (positionals.length === 0) {
    console.error('使い方: npm run report -- ダウンロードしたファイル... [--out レポート.html]\nUsage: npm run report -- EXPORT.txt|.xlsx|.ods ... [--out report.html]');
    process.exitCode = 2;
    return;
  }
  const course = compileContent(join(PROJECT_ROOT, 'content'));
  const { html, figures: f } = await report(positionals.map(fileDownload), course);
  const out = resolve(values.out);
  writeFileSync(out, html);
  console.log(`${out}\n  対象 ${f.enrolled} 人、受講開始 ${f.started} 人、合格点以上 ${f.passed} 人 / ${f.enrolled} learners, ${f.started} started, ${f.passed} at or above the pass mark`);
}

main().catch((error: unknown) => {
  if (error instanceof ReportInputError) console.error(`読めないファイルがあります。レポートは作成していません。\n${error.message}\nNo report written.`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
