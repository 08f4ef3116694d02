// The catalogue as files: CSV for spreadsheets (UTF-8 with BOM, formula-safe
// cells, like the preview's export) and one HTML page that prints on A4.
import type { Course, CourseMeta } from '../../src/content/types.ts';
import { CHECKLIST_ANSWERS } from '../../src/model/state.ts';
import { checklistAreaName, checklistDescription } from '../../src/tracking/identifiers.ts';
import { MAX_ATTEMPT_IN_ID } from '../../src/tracking/identifiers.ts';
import { escapeHtml, PRINT_CSS } from '../html.ts';
import { CSV_BOM, csvCell } from '../preview/records.ts';
import { catalogueTable, type CatalogueQuiz } from './items.ts';

export function catalogueFileNames(courseId: string): { csv: string; html: string; checklist: string } {
  return { csv: `${courseId}-items.csv`, html: `${courseId}-items.html`, checklist: `${courseId}-checklist-items.csv` };
}

export function catalogueCsv(quizzes: readonly CatalogueQuiz[]): string {
  return CSV_BOM + catalogueTable(quizzes).map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function idForms(q: CatalogueQuiz): string {
  const [first, second] = q.ids;
  const last = q.ids[q.ids.length - 1];
  return `<code>${escapeHtml(first)}</code>（1 回目）、<code>${escapeHtml(second)}</code>（2 回目）… <code>${escapeHtml(last)}</code>（${q.ids.length} 回目以降）`;
}

function quizBlock(q: CatalogueQuiz): string {
  const choices = q.choices
    .map((c) => `<tr><th scope="row"><code>${escapeHtml(c.letter)}</code></th><td>${escapeHtml(c.text)}</td><td>${c.correct ? '正解' : ''}</td></tr>`)
    .join('');
  return `<section class="keep" id="${escapeHtml(q.quizId)}">
<h3>${escapeHtml(q.number)} ${escapeHtml(q.title)}</h3>
<p class="note">インタラクション ID: ${idForms(q)}<br>SCORM 2004 の説明: ${escapeHtml(q.description)}</p>
<p>${escapeHtml(q.question)}</p>
<table class="choices"><thead><tr><th scope="col">記号</th><th scope="col">選択肢</th><th scope="col">正誤</th></tr></thead><tbody>${choices}</tbody></table>
<p>正答: <strong><code>${escapeHtml(q.correct.split('').join(', '))}</code></strong>（1.2: <code>${escapeHtml(q.correct.split('').join(','))}</code>、2004: <code>${escapeHtml(q.correct.split('').join('[,]'))}</code>）</p>
</section>`;
}

/** The checklist's rows when its answers are reported (course.yaml checklist.report): id, measure, item, 2004 description. */
export function checklistTable(course: Course): string[][] {
  const header = ['インタラクションID', '対策', '項目', '説明（SCORM 2004）'];
  const rows = course.checklist.map((item) => {
    return [item.id, checklistAreaName(course, item.area), item.text, checklistDescription(course, item)];
  });
  return [header, ...rows];
}

export function checklistCsv(course: Course): string {
  return CSV_BOM + checklistTable(course).map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function checklistSection(course: Course): string {
  if (!course.meta.checklist.report) return '';
  const answers = CHECKLIST_ANSWERS.map((a) => `<code>${a}</code> ${escapeHtml(course.ui.answers[a])}`).join('、');
  const rows = checklistTable(course)
    .slice(1)
    .map(([id, area, text]) => `<tr><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(area)}</td><td>${escapeHtml(text)}</td></tr>`)
    .join('');
  return `<h2>チェックリストの項目（${course.checklist.length} 項目）</h2>
<p>この教材はチェックリストの回答も LMS に記録します（<code>checklist.report: true</code>）。種類 <code>likert</code>、結果 <code>neutral</code> のインタラクションで、回答は ${answers} のいずれかです。点数と合否には関係しません。回答を変えると新しい記録が加わります（最新のものが現在の回答）。</p>
<table class="long"><thead><tr><th scope="col">ID</th><th scope="col">対策</th><th scope="col">項目</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** every quiz's table with the same columns, so the pages read as one list */
const CATALOGUE_CSS = `
table.choices { table-layout: fixed; }
table.choices th:first-child { width: 3.5rem; }
table.choices th:last-child { width: 4.5rem; }
`;

export function catalogueHtml(meta: CourseMeta, quizzes: readonly CatalogueQuiz[], course?: Course): string {
  const stories = [...new Map(quizzes.map((q) => [q.storyId, q])).values()];
  const body = stories
    .map((s) => `<h2>ストーリー${s.storyNumber} ${escapeHtml(s.storyTitle)}（${quizzes.filter((q) => q.storyId === s.storyId).length} 問）</h2>\n` +
      quizzes.filter((q) => q.storyId === s.storyId).map(quizBlock).join('\n'))
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)} — 問題一覧（インタラクション ID 対応表）</title>
<style>${PRINT_CSS}${CATALOGUE_CSS}</style></head>
<body><main>
<h1>${escapeHtml(meta.title)}<br>問題一覧（インタラクション ID 対応表）</h1>
<p>版 ${escapeHtml(meta.version)}。LMS のインタラクションレポートに出る ID（例: <code>q3_4</code>）、回答（1.2: <code>a,c</code>、2004: <code>a[,]c</code>）を、問題と選択肢の文に読み替えるための表です。
ストーリーを再挑戦したときの回答は <code>_r2</code>、<code>_r3</code> … が付いた ID で記録されます（${MAX_ATTEMPT_IN_ID} 回目以降はすべて <code>_r${MAX_ATTEMPT_IN_ID}</code>）。
同じ内容の表計算用ファイル（CSV）が同じフォルダにあります。</p>
<p class="note" lang="en">Item catalogue: maps each interaction id an LMS reports (q3_4, q3_4_r2 …) to its quiz, question, choices and correct letters.</p>
${body}
${course ? checklistSection(course) : ''}
</main></body></html>
`;
}
