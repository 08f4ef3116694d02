// HR's report page: the downloads a browser hands it, read here and turned
// into the same report `npm run report` writes (run.ts), shown in a frame that
// runs no script, printable and savable. Nothing is sent anywhere.
import { parse } from 'csv-parse/browser/esm/sync';
import type { Course } from '../../../src/content/types.ts';
import { dayStamp } from '../../../src/model/day.ts';
import { type Download, isSpreadsheet, ReportInputError, sheetRows, type SourceRow, TEXT_DOWNLOAD, textError, type TextRecord, textRow } from '../rows.ts';
import { report } from '../run.ts';

const course = JSON.parse(document.getElementById('report-course')!.textContent!) as Course;
const input = document.getElementById('files') as HTMLInputElement;
const drop = document.getElementById('drop')!;
const status = document.getElementById('status')!;
const result = document.getElementById('result')!;
const frame = document.getElementById('report') as HTMLIFrameElement;
const save = document.getElementById('save') as HTMLAnchorElement;

/** a File as the report reads it; a text download is small enough here to parse whole */
function fileDownload(file: File): Download {
  return {
    name: file.name,
    async *rows(): AsyncGenerator<SourceRow> {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isSpreadsheet(file.name)) return yield* sheetRows(file.name, bytes);
      let records: TextRecord[];
      try {
        records = parse(new TextDecoder().decode(bytes), TEXT_DOWNLOAD) as unknown as TextRecord[];
      } catch (e) {
        throw textError(file.name, e);
      }
      yield* records.map(textRow);
    },
  };
}

function say(text: string, detail?: string): void {
  status.className = detail === undefined ? '' : 'error';
  status.textContent = text;
  if (detail !== undefined) status.append(Object.assign(document.createElement('code'), { textContent: detail }));
}

let latest = 0;

async function make(files: File[]): Promise<void> {
  if (files.length === 0) return;
  // files chosen again while the last ones are read: only the newest choice is shown
  const run = ++latest;
  result.hidden = true;
  say(`${files.length} 件のファイルを読み込んでいます…`);
  try {
    const { html, figures: f } = await report(files.map(fileDownload), course);
    if (run !== latest) return;
    frame.srcdoc = html;
    if (save.href) URL.revokeObjectURL(save.href);
    save.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    // reports saved week after week stay apart by the day they were made, and apart from this page (<course-id>-report.html)
    save.download = `受講状況レポート_${dayStamp(new Date())}.html`;
    result.hidden = false;
    say(`レポートを作成しました（${files.map((x) => x.name).join('、')}）。対象 ${f.enrolled} 人、受講開始 ${f.started} 人、合格点以上 ${f.passed} 人。`);
  } catch (e) {
    if (run !== latest) return;
    if (e instanceof ReportInputError)
      say('読めないファイルがあります。レポートは作成していません。Moodle の SCORM 活動の「レポート」からダウンロードした、基本レポートかインタラクションレポートのファイルか確かめてください（ファイル名・行・理由を下に示します）。', e.message);
    else say('レポートを作成できませんでした。', e instanceof Error ? e.message : String(e));
  }
}

input.addEventListener('change', () => {
  const files = [...(input.files ?? [])];
  // cleared, so that the same file chosen again (mended, or downloaded anew) is read again
  input.value = '';
  void make(files);
});
// a file dropped anywhere on the page is read, never opened by the browser in this page's place
addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
addEventListener('dragleave', () => drop.classList.remove('over'));
addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  void make([...(e.dataTransfer?.files ?? [])]);
});
document.getElementById('print')!.addEventListener('click', () => frame.contentWindow?.print());
// the frame as tall as the report, so the page scrolls once
frame.addEventListener('load', () => {
  const height = frame.contentDocument?.documentElement.scrollHeight;
  if (height) frame.style.height = `${height + 16}px`;
});
