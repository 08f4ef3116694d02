// The report as one self-contained HTML page: inline styles and SVG charts,
// no script, nothing fetched; prints on A4. Every value from a download is
// escaped (a learner's name is data, never markup).
import type { CourseMeta } from '../../src/content/types.ts';
import { escapeHtml as e, PRINT_CSS } from '../html.ts';
import { IDLE_CAP_MS } from '../../src/model/active-time.ts';
import { cssString } from '../../src/views/css-string.ts';
import type { LearnerRow, QuizFigures, ReportFigures } from './figures.ts';

const BAR = '#1f4e79';
const TIME_LABELS = { median: '中央値', mean: '平均', min: '最短', max: '最長' } as const;
const pct = (n: number | undefined) => (n === undefined ? '—' : `${n}%`);
const minutesText = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} 時間 ${Math.round(m % 60)} 分` : `${Math.round(m)} 分`);

/** Vertical bars with a text alternative: the same numbers are in the table after it. */
function barChart(labels: string[], values: number[], title: string): string {
  const width = 640;
  const height = 200;
  const pad = 28;
  const max = Math.max(1, ...values);
  const w = (width - pad * 2) / values.length;
  const bars = values
    .map((v, i) => {
      const h = ((height - pad * 2) * v) / max;
      const x = pad + i * w;
      const y = height - pad - h;
      return `<rect x="${(x + 3).toFixed(1)}" y="${y.toFixed(1)}" width="${(w - 6).toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR}"/>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="11">${v}</text>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${height - pad + 14}" text-anchor="middle" font-size="10">${e(labels[i])}</text>`;
    })
    .join('');
  return `<figure><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${e(title)}"><line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#555"/>${bars}</svg><figcaption class="note">${e(title)}</figcaption></figure>`;
}

/** One horizontal bar per quiz: its correct rate out of 100. */
function rateChart(quizzes: QuizFigures[]): string {
  const rowH = 18;
  const width = 640;
  const labelW = 60;
  const height = quizzes.length * rowH + 10;
  const rows = quizzes
    .map((q, i) => {
      const y = 5 + i * rowH;
      const w = ((width - labelW - 50) * (q.rate ?? 0)) / 100;
      return `<text x="0" y="${y + 12}" font-size="11">${e(q.quiz.number)}</text><rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 5}" fill="${BAR}"/>` +
        `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 12}" font-size="11">${pct(q.rate)}</text>`;
    })
    .join('');
  return `<figure><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="クイズごとの正答率"><line x1="${labelW}" y1="0" x2="${labelW}" y2="${height}" stroke="#555"/>${rows}</svg><figcaption class="note">クイズごとの正答率（初回の回答、表と同じ数値）</figcaption></figure>`;
}

function wrongText(q: QuizFigures): string {
  if (q.topWrong) return `<code>${e(q.topWrong.letter)}</code> ${e(q.topWrong.text)}（${q.topWrong.count} 人）`;
  if (q.topMissed) return `正解の <code>${e(q.topMissed.letter)}</code> を選ばなかった（${q.topMissed.count} 人）: ${e(q.topMissed.text)}`;
  return '—';
}

/** The three weakest points, read out in plain Japanese. */
function reading(f: ReportFigures): string {
  if (f.quizzes.every((q) => q.answered === 0)) return '<p data-figure="no-reading">ダウンロードに回答の記録がないため、弱い点は読み取れません。</p>';
  if (f.weakest.length === 0) return '<p>正答率が 100% に届かないクイズはありません。</p>';
  const items = f.weakest.map((q) => {
    const key = q.quiz.correct.split('').join('・');
    const wrong = q.topWrong
      ? `不正解の人が最も多く選んだのは「${e(q.topWrong.text)}」（${e(q.topWrong.letter)}、${q.topWrong.count} 人）で、この選択肢を正しいと考えている人が多いようです。`
      : q.topMissed
        ? `不正解の人は、正しい選択肢「${e(q.topMissed.text)}」（${e(q.topMissed.letter)}）を選ばなかった例が最も多く（${q.topMissed.count} 人）、この対策が必要だと認識されていないようです。`
        : '';
    return `<li data-quiz="${e(q.quiz.quizId)}"><strong>${e(q.quiz.number)} ${e(q.quiz.title)}</strong> — 正答率 ${pct(q.rate)}（${q.answered} 人中 ${q.correct} 人が正解）。${wrong}正解は ${e(key)} です。研修後の説明や職場での声かけで、この点を重点的に取り上げることをお勧めします。</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

const ANSWER_NAMES = { done: '実施済み', partial: '一部実施', not: '未実施', na: '該当なし' } as const;

/** How the employees see their company's measures, from the checklist answers the course reported. */
function checklistSection(f: ReportFigures): string {
  if (!f.checklist.length) return '';
  const rows = f.checklist
    .map((a) => `<tr data-area="${e(a.areaId)}" data-respondents="${a.respondents}" data-percent="${a.percent ?? ''}"><td>${e(a.title)}</td><td class="num">${a.respondents}</td>${(['done', 'partial', 'not', 'na'] as const)
      .map((k) => `<td class="num" data-count="${k}">${a.counts[k]}</td>`)
      .join('')}<td class="num">${a.percent === undefined ? '—' : `${a.percent}%`}</td></tr>`)
    .join('');
  const low = [...f.checklist].filter((a) => a.percent !== undefined).sort((a, b) => a.percent! - b.percent!).slice(0, 3);
  return `<h2>従業員から見た自社の対策状況</h2>
<p class="note">研修のチェックリストへの回答（各人の最新の回答）を対策ごとに合計しました。実施率は教材と同じ数え方です（実施済み 1、一部実施 0.5、未実施 0、該当なしは除く）。クイズの点数や合否には影響しません。</p>
<table><thead><tr><th scope="col">対策</th><th scope="col" class="num">回答者</th>${(['done', 'partial', 'not', 'na'] as const).map((k) => `<th scope="col" class="num">${ANSWER_NAMES[k]}</th>`).join('')}<th scope="col" class="num">実施率</th></tr></thead><tbody>${rows}</tbody></table>
${low.length ? `<p>従業員の回答で実施率が低かった対策：${low.map((a) => `「${e(a.title)}」（${a.percent}%）`).join('、')}。社内の取組が従業員に見えていない可能性もあります。取組の周知と実施状況の確認をお勧めします。</p>` : ''}`;
}

export interface ReportSources {
  files: string[];
  rows: number;
  interactionRecords: number;
  /** an Interactions report was among the files */
  interactionsFile: boolean;
  unknownIds: Array<[string, number]>;
}

/** Where a learner below the pass mark stands: not begun, no score yet, or how far through the quizzes when the answers are known. */
function standing(l: LearnerRow, quizzes: number, answersKnown: boolean): string {
  if (!l.started) return '未受講';
  if (l.best === undefined) return '点数なし（クイズ未解答）';
  if (!answersKnown) return '合格点未満';
  return l.answered >= quizzes ? '合格点未満（全問解答済み）' : `合格点未満（${l.answered}/${quizzes}問解答）`;
}

export function reportHtml(meta: CourseMeta, f: ReportFigures, sources: ReportSources): string {
  const company = meta.company?.name;
  const answersKnown = sources.interactionsFile && sources.interactionRecords > 0;
  const identityHead = f.learners[0]?.identity.length ? '<th scope="col">メール等</th>' : '';
  const identityCell = (l: ReportFigures['learners'][number]) => (l.identity.length ? `<td>${e(l.identity.join(' / '))}</td>` : '');
  const notFinished = f.notFinished.length
    ? `<table class="long"><thead><tr><th scope="col">氏名</th>${identityHead}<th scope="col" class="num">最高点</th><th scope="col">状況</th><th scope="col">最終アクセス</th></tr></thead><tbody>${f.notFinished
        .map((l) => `<tr data-learner="${e(l.name)}" data-best="${l.best ?? ''}"><td>${e(l.name)}</td>${identityCell(l)}<td class="num">${l.best ?? '—'}</td><td data-standing>${standing(l, f.quizzes.length, answersKnown)}</td><td>${e(l.lastText || '—')}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>全員が合格点に達しています。</p>';
  const binLabels = Array.from({ length: 10 }, (_, i) => `${i * 10}–${i * 10 + 9}`).concat('100');
  const quizRows = f.quizzes
    .map((q) => `<tr data-quiz="${e(q.quiz.quizId)}" data-answered="${q.answered}" data-correct="${q.correct}" data-wrong="${e(q.topWrong?.letter ?? '')}" data-wrong-count="${q.topWrong?.count ?? 0}"><td class="number">${e(q.quiz.number)}</td><td>${e(q.quiz.title)}</td><td class="num">${q.answered}</td><td class="num">${q.correct}</td><td class="num" data-rate="${q.quiz.quizId}">${pct(q.rate)}</td><td>${wrongText(q)}</td></tr>`)
    .join('');
  const storyRows = f.stories
    .map((s) => `<tr data-story="${e(s.storyId)}" data-finished="${s.finished}" data-all-right="${s.allRight}" data-rate="${s.rate ?? ''}" data-retried="${s.retried}"><td>ストーリー${s.number} ${e(s.title)}</td><td class="num">${s.quizzes}</td><td class="num">${s.finished}</td><td class="num">${s.allRight}</td><td class="num">${pct(s.rate)}</td><td class="num">${s.retried}</td></tr>`)
    .join('');
  const time = f.time
    ? `<table><tbody>${(['median', 'mean', 'min', 'max'] as const)
        .map((k) => `<tr><th scope="row">${TIME_LABELS[k]}</th><td class="num" data-minutes="${k}" data-value="${f.time![k]}">${minutesText(f.time![k])}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>時間の記録がありません。</p>';
  const unknown = sources.unknownIds.length
    ? `<p class="note">この教材の問題ではない ID（${sources.unknownIds.map(([id, n]) => `${e(id)}: ${n} 件`).join('、')}）は集計から除きました。</p>`
    : '';
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(meta.title)} — 受講状況レポート</title>
<style>${PRINT_CSS}
@page { @top-left { content: ${cssString(`${meta.title} 受講状況レポート${company ? `（${company}）` : ''}`)}; font-size: 9pt; color: #555; } }
.figures { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0; padding: 0; list-style: none; }
.figures li { border: 1px solid #8a8a8a; padding: .4rem .8rem; min-width: 9rem; }
.figures strong { display: block; font-size: 1.4rem; }
figure { margin: .5rem 0; }
/* SVG text is black unless told, and a contrast theme (forced colours) leaves SVG alone: black on its black */
svg text { fill: currentColor; }
/* on paper a column as narrow as its figures would break 番号 and 回答 letter by letter, and 3-10 in two */
@media print { th[scope=col] { white-space: nowrap; } }
td.number { white-space: nowrap; }
</style></head>
<body><main>
<h1>${e(meta.title)}<br>受講状況レポート${company ? `（${e(company)}）` : ''}</h1>
<p class="note">Moodle の SCORM レポートのダウンロード ${sources.files.length} 件（${sources.rows.toLocaleString('ja-JP')} 行、回答 ${sources.interactionRecords.toLocaleString('ja-JP')} 件）から作成。合格点 ${f.passMark} 点。
元のファイル: ${sources.files.map((x) => e(x)).join('、')}</p>

<h2>受講と合格</h2>
<ul class="figures">
<li>対象者<strong data-figure="enrolled">${f.enrolled} 人</strong></li>
<li>受講を始めた人<strong data-figure="started">${f.started} 人</strong></li>
<li>合格点以上<strong data-figure="passed">${f.passed} 人</strong></li>
<li>まだ合格していない人<strong data-figure="not-finished">${f.notFinished.length} 人</strong></li>
</ul>
<p class="note">Moodle のダウンロードには、点数のある受験の「状態（完了）」が入りません。このレポートでは、最高点が合格点以上の人を合格としています。全ページを読み終えたかどうか（教材の完了条件）は、Moodle の活動完了の画面で確認してください。</p>

<h2>まだ合格していない人</h2>
${notFinished}

<h2>点数の分布</h2>
${barChart(binLabels, f.distribution, '最高点の分布（人数）')}
<table><thead><tr>${binLabels.map((l) => `<th scope="col" class="num">${l}</th>`).join('')}</tr></thead><tbody><tr>${f.distribution.map((n, i) => `<td class="num" data-bin="${i}">${n}</td>`).join('')}</tr></tbody></table>

<h2>かかった時間</h2>
<p class="note">受験ごとに「開始日時」から「最終アクセス日時」までの時間を合計しました（Moodle のダウンロードには学習時間の合計が入らないため。途中で中断した時間も含みます）。Moodle の受験ごとのページ（受験の番号から開きます）に出る学習時間の合計は、教材を操作していた時間です（操作のない間は ${IDLE_CAP_MS / 60_000} 分までを数えます）。そのため、ここでの時間より短くなることがあります。</p>
${time}

<h2>クイズごとの正答率</h2>
${rateChart(f.quizzes)}
<table class="long"><thead><tr><th scope="col">番号</th><th scope="col">問題</th><th scope="col" class="num">回答</th><th scope="col" class="num">正解</th><th scope="col" class="num">正答率</th><th scope="col">最も多かった誤り</th></tr></thead><tbody>${quizRows}</tbody></table>
<p class="note">各受講者の初回の回答（ID に _r の付かないもの）で数えています。</p>
${sources.interactionsFile && sources.interactionRecords === 0 ? `<p class="notice" data-figure="no-answers"><strong>インタラクションレポートのダウンロードに回答が 1 件も入っていません。</strong>Moodle 4.5 のインタラクションレポートは回答を <code>cmi.interactions_0.id</code> の形の名前でしか探さないため、SCORM 2004 のパッケージで記録された回答（<code>cmi.interactions.0.id</code>）を出力しません。クイズごとの集計が必要な場合は SCORM 1.2 のパッケージを使うか、Moodle の受験の詳細画面で確認してください。</p>` : ''}

<h2>ストーリーごとの結果</h2>
<table><thead><tr><th scope="col">ストーリー</th><th scope="col" class="num">問題数</th><th scope="col" class="num">全問回答</th><th scope="col" class="num">初回で全問正解</th><th scope="col" class="num">平均正答率</th><th scope="col" class="num">再挑戦</th></tr></thead><tbody>${storyRows}</tbody></table>

<h2>特に弱い 3 つの点</h2>
${reading(f)}
${checklistSection(f)}
${unknown}
</main></body></html>
`;
}
