// npm run report on real downloads from the Moodle in ../shared/moodle (kept in
// tests/fixtures/moodle-exports/, made by take.ts): every figure of the HTML
// report against numbers computed here from records.sh's output of the same
// attempts — Moodle's stored values, not its report files — and the content's
// YAML read here, not through the report's code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { PROJECT_ROOT } from '../../scripts/package/targets.ts';
import { fileDownload } from '../../scripts/report/read.ts';
import { report } from '../../scripts/report/run.ts';
import { COMPANY, writeCompanyContent } from '../fixtures/company.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'moodle-exports');
const tmp = mkdtempSync(join(tmpdir(), 'report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PASS = (parseYaml(readFileSync(join(PROJECT_ROOT, 'content', 'course.yaml'), 'utf8')) as { passMark: number }).passMark;

interface YamlQuiz { id: string; number: string; choices: Array<{ id: string; text: string; correct: boolean }> }
const stories = readdirSync(join(PROJECT_ROOT, 'content', 'stories'))
  .map((f) => parseYaml(readFileSync(join(PROJECT_ROOT, 'content', 'stories', f), 'utf8')) as { id: string; number: number; quizzes: YamlQuiz[] })
  .sort((a, b) => a.number - b.number);
const quizzes = stories.flatMap((s) => s.quizzes.map((q) => ({ ...q, story: s.id, key: q.choices.filter((c) => c.correct).map((c) => c.id).sort().join('') })));

function runReport(files: string[], out: string): { code: number | null; text: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'report.ts'), ...files, '--out', out], { encoding: 'utf8', cwd: PROJECT_ROOT });
  return { code: run.status, text: run.stdout + run.stderr };
}

// ---- the oracle: records.sh's view of every attempt (Moodle's stored element names: 2004 cmi.interactions.0.id, 1.2 cmi.interactions_0.id)
interface Element { value: string; timemodified: number }
interface RecordsUser { fullname: string; attempts: Array<{ attempt: number; moodle_attempt_grade: number | null; scos: Array<{ elements: Record<string, Element> }> }> }

const elementsOf = (u: RecordsUser) => u.attempts.flatMap((a) => a.scos.map((s) => ({ attempt: a.attempt, elements: s.elements })));
function bestOf(u: RecordsUser): number | undefined {
  const raws = elementsOf(u).map((a) => (a.elements['cmi.score.raw'] ?? a.elements['cmi.core.score.raw'])?.value).filter((v): v is string => v !== undefined).map(Number);
  return raws.length ? Math.max(...raws) : undefined;
}
function minutesOf(u: RecordsUser): number {
  return elementsOf(u).reduce((sum, a) => {
    const times = Object.values(a.elements).map((e) => e.timemodified);
    return sum + (Math.floor(Math.max(...times) / 60) - Math.floor(Math.min(...times) / 60));
  }, 0);
}
/** quiz id → this user's first-try answer (the id without _r), from the latest attempt holding one */
function answersOf(u: RecordsUser): Map<string, { letters: string; correct: boolean }> {
  const out = new Map<string, { letters: string; correct: boolean }>();
  for (const { elements } of elementsOf(u).sort((a, b) => a.attempt - b.attempt))
    for (const [name, el] of Object.entries(elements)) {
      const m = /^(cmi\.interactions[._]\d+)\.id$/.exec(name);
      if (!m || /_r\d+$/.test(el.value)) continue;
      const response = (elements[`${m[1]}.learner_response`] ?? elements[`${m[1]}.student_response`])?.value ?? '';
      const letters = response.split(/\[,\]|,/).filter(Boolean).sort().join('');
      out.set(el.value, { letters, correct: elements[`${m[1]}.result`]?.value === 'correct' });
    }
  return out;
}
const retriedOf = (u: RecordsUser, story: string) =>
  elementsOf(u).some((a) => Object.entries(a.elements).some(([n, e]) => /\.id$/.test(n) && new RegExp(`^q${story.slice(5)}_\\d+_r\\d+$`).test(e.value)));


const attr = (html: string, selector: RegExp) => selector.exec(html)?.[1];

for (const tag of ['scorm2004', 'scorm12'].filter((t) => existsSync(join(FIXTURES, `${t}-records.json`))))
describe(`npm run report on real Moodle downloads (${tag} activity)`, () => {
  const records = JSON.parse(readFileSync(join(FIXTURES, `${tag}-records.json`), 'utf8')) as { users: RecordsUser[] };
  const startedUsers = records.users.filter((u) => u.attempts.some((a) => a.scos.some((s) => Object.keys(s.elements).length > 0)));
  // enrolled learners who never opened the activity: rows of the download with "-" as attempt, read here with csv-parse
  const basicRows = parseCsv(readFileSync(join(FIXTURES, `${tag}-basic.txt`)), { delimiter: '\t', bom: true, relax_column_count: true }) as string[][];
  const neverStarted = basicRows.slice(1).filter((r) => r.includes('-') && !startedUsers.some((u) => u.fullname === r[0])).map((r) => r[0]);
  // what the Interactions download itself carries, read here: Moodle 4.5 leaves 2004 answers out of it
  const interactionRows = parseCsv(readFileSync(join(FIXTURES, `${tag}-interactions.txt`)), { delimiter: '\t', bom: true, relax_column_count: true }) as string[][];
  const downloadHasAnswers = interactionRows.slice(1).some((r) => r.some((c) => /^q\d+_\d+/.test(c)));
  const storedAnswers = (u: RecordsUser) => (downloadHasAnswers ? answersOf(u) : new Map<string, { letters: string; correct: boolean }>());

  const out = join(tmp, `${tag}-report.html`);
  const files = ['basic.txt', 'interactions.txt'].map((f) => join(FIXTURES, `${tag}-${f}`));
  const run = runReport(files, out);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';

  it(downloadHasAnswers ? 'the download carries the answers records.sh holds' : 'says plainly that the download carries no answers, though Moodle stored them', () => {
    const stored = startedUsers.some((u) => answersOf(u).size > 0);
    expect(stored).toBe(true);
    if (!downloadHasAnswers) expect(html).toContain('data-figure="no-answers"');
    else expect(html).not.toContain('data-figure="no-answers"');
  });

  it('writes one self-contained page that prints on A4', () => {
    expect(run.code, run.text).toBe(0);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(http/i);
    expect(html).toContain('size: A4');
    expect(html).toMatch(/<svg[^>]*role="img"/);
  });

  it('has learners who took the course with different answers (five or more on the 2004 activity)', () => {
    if (tag === 'scorm2004') expect(startedUsers.length).toBeGreaterThanOrEqual(5);
    expect(new Set(startedUsers.map((u) => [...answersOf(u).values()].map((a) => a.letters).join('|'))).size).toBe(startedUsers.length);
  });

  it('counts learners, starts and passes as records.sh has them', () => {
    const passed = startedUsers.filter((u) => (bestOf(u) ?? -1) >= PASS).length;
    expect(attr(html, /data-figure="started">(\d+) 人/)).toBe(String(startedUsers.length));
    expect(attr(html, /data-figure="passed">(\d+) 人/)).toBe(String(passed));
    expect(attr(html, /data-figure="enrolled">(\d+) 人/)).toBe(String(startedUsers.length + neverStarted.length));
    expect(attr(html, /data-figure="not-finished">(\d+) 人/)).toBe(String(startedUsers.length + neverStarted.length - passed));
  });

  it('lists everyone who has not passed, with their best score', () => {
    const expected = [
      ...startedUsers.filter((u) => (bestOf(u) ?? -1) < PASS).map((u) => [u.fullname, String(bestOf(u) ?? '')]),
      ...neverStarted.map((n) => [n, '']),
    ].sort();
    const listed = [...html.matchAll(/<tr data-learner="([^"]*)" data-best="([^"]*)">/g)].map((m) => [m[1], m[2]]).sort();
    expect(listed).toEqual(expected);
  });

  it('gives the score distribution in tens', () => {
    const bins = Array.from({ length: 11 }, () => 0);
    for (const u of startedUsers) {
      const b = bestOf(u);
      if (b !== undefined) bins[Math.min(10, Math.floor(b / 10))]++;
    }
    const shown = [...html.matchAll(/data-bin="(\d+)">(\d+)</g)].map((m) => Number(m[2]));
    expect(shown).toEqual(bins);
  });

  it('gives the time from first start to last access, as Moodle stored it', () => {
    const minutes = startedUsers.map(minutesOf).sort((a, b) => a - b);
    const mid = minutes.length % 2 ? minutes[(minutes.length - 1) / 2] : (minutes[minutes.length / 2 - 1] + minutes[minutes.length / 2]) / 2;
    const shown = (k: string) => Number(attr(html, new RegExp(`data-minutes="${k}" data-value="([\\d.]+)"`)));
    expect(shown('median')).toBe(mid);
    expect(shown('min')).toBe(minutes[0]);
    expect(shown('max')).toBe(minutes[minutes.length - 1]);
    expect(shown('mean')).toBeCloseTo(minutes.reduce((a, b) => a + b, 0) / minutes.length, 6);
  });

  it('gives each quiz its correct rate and the most-chosen wrong choice as its text', () => {
    for (const q of quizzes) {
      const answers = startedUsers.map((u) => storedAnswers(u).get(q.id)).filter((a) => a !== undefined);
      const correct = answers.filter((a) => a.correct).length;
      const wrongLetters = new Map<string, number>();
      for (const a of answers.filter((x) => !x.correct)) for (const l of a.letters) if (!q.key.includes(l)) wrongLetters.set(l, (wrongLetters.get(l) ?? 0) + 1);
      const top = [...wrongLetters.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      const row = new RegExp(`<tr data-quiz="${q.id}" data-answered="(\\d+)" data-correct="(\\d+)" data-wrong="([a-z]*)" data-wrong-count="(\\d+)">([\\s\\S]*?)</tr>`).exec(html);
      expect(row, q.id).not.toBeNull();
      expect([row![1], row![2]], q.id).toEqual([String(answers.length), String(correct)]);
      expect(row![5], q.id).toContain(answers.length ? `${Math.floor((correct * 100) / answers.length)}%` : '—');
      expect([row![3], row![4]], q.id).toEqual(top ? [top[0], String(top[1])] : ['', '0']);
      if (top) expect(row![5], q.id).toContain(q.choices.find((c) => c.id === top[0])!.text);
    }
  });

  it('gives each story its finishers, all-right learners, mean rate and retries', () => {
    for (const s of stories) {
      const ids = s.quizzes.map((q) => q.id);
      const finishers = startedUsers.filter((u) => ids.every((id) => storedAnswers(u).has(id)));
      const allRight = finishers.filter((u) => ids.every((id) => storedAnswers(u).get(id)!.correct));
      const rates = ids
        .map((id) => startedUsers.map((u) => storedAnswers(u).get(id)).filter((a) => a !== undefined))
        .filter((a) => a.length > 0)
        .map((a) => Math.floor((a.filter((x) => x.correct).length * 100) / a.length));
      const rate = rates.length ? String(Math.floor(rates.reduce((a, b) => a + b, 0) / rates.length)) : '';
      const retried = downloadHasAnswers ? startedUsers.filter((u) => retriedOf(u, s.id)).length : 0;
      expect(html, s.id).toContain(`<tr data-story="${s.id}" data-finished="${finishers.length}" data-all-right="${allRight.length}" data-rate="${rate}" data-retried="${retried}">`);
    }
  });

  it('reads out the three weakest quizzes in Japanese', () => {
    const rated = quizzes
      .map((q, i) => {
        const a = startedUsers.map((u) => storedAnswers(u).get(q.id)).filter((x) => x !== undefined);
        return { id: q.id, i, n: a.length, rate: a.length ? Math.floor((a.filter((x) => x.correct).length * 100) / a.length) : undefined };
      })
      .filter((q) => q.rate !== undefined && q.rate < 100)
      .sort((a, b) => a.rate! - b.rate! || b.n - a.n || a.i - b.i)
      .slice(0, 3)
      .map((q) => q.id);
    expect([...html.matchAll(/<li data-quiz="([^"]+)">/g)].map((m) => m[1])).toEqual(rated);
    if (rated.length) expect(html).toMatch(/<li data-quiz="[^"]+"><strong>[^<]+<\/strong> — 正答率 \d+%（\d+ 人中 \d+ 人が正解）。/);
    else expect(html).toContain(downloadHasAnswers ? '正答率が 100% に届かないクイズはありません' : 'data-figure="no-reading"');
  });

  for (const format of ['xlsx', 'ods'])
    it(`gives the same report from the ${format === 'xlsx' ? 'Excel' : 'ODS'} downloads`, () => {
      const other = join(tmp, `${tag}-report-${format}.html`);
      const r = runReport(['basic', 'interactions'].map((m) => join(FIXTURES, `${tag}-${m}.${format}`)), other);
      expect(r.code, r.text).toBe(0);
      const strip = (h: string) => h.replace(/<p class="note">Moodle の SCORM レポート[\s\S]*?<\/p>/, '').replace(/<td>[^<]*(AM|PM|\d{1,2}:\d{2})[^<]*<\/td>/g, '');
      expect(strip(readFileSync(other, 'utf8'))).toBe(strip(html));
    });

  it('stops on a malformed file, naming the file and the line, and writes nothing', () => {
    const lines = readFileSync(join(FIXTURES, `${tag}-interactions.txt`), 'utf8').split('\n');
    lines[2] = lines[2].split('\t').slice(0, 3).join('\t'); // a row cut short, as an edited or truncated file has
    const bad = join(tmp, `${tag}-cut.txt`);
    writeFileSync(bad, lines.join('\n'));
    const target = join(tmp, `${tag}-never.html`);
    const r = runReport([bad], target);
    expect(r.code).not.toBe(0);
    // why, for HR in Japanese, then in English
    expect(r.text).toContain(`${bad}:3: この行の列は 3 個で、見出しの`);
    expect(r.text).toContain('row has 3 columns');
    expect(r.text).toContain('No report written');
    expect(existsSync(target)).toBe(false);
  });

  it('stops on a file that is not a Moodle report at all', () => {
    const bad = join(tmp, `${tag}-other.txt`);
    writeFileSync(bad, 'a\tb\n1\t2\n');
    const target = join(tmp, `${tag}-never2.html`);
    const r = runReport([bad], target);
    expect(r.code).not.toBe(0);
    expect(r.text).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:1: Moodle の SCORM 活動のレポート（基本レポートかインタラクションレポート）のダウンロードではないようです / not a Moodle SCORM report download`));
    expect(existsSync(target)).toBe(false);
  });
});

// Downloads from the same Moodle on 2026-12-03, after the course stopped sending a score before the first
// answer: student1 opened it and answered nothing (Moodle's grade column then says 0, the SCO's column
// "Incomplete"), one learner stopped after story 1, one answered every quiz below the pass mark, one passed,
// one never opened it. The Basic download was taken with "Track details" on, so it has the SCO's column too.
describe('npm run report on learners who stopped at different points (scorm12 activity)', () => {
  const files = ['basic', 'interactions'].map((k) => join(FIXTURES, `scorm12-opened-${k}.txt`));
  const out = join(tmp, 'opened-report.html');
  const run = runReport(files, out);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';
  // the oracle: the downloads read here with csv-parse, their columns found by their header words
  const rows = parseCsv(readFileSync(files[1]), { delimiter: '\t', bom: true, relax_column_count: true }) as string[][];
  const [head, ...learners] = rows;
  const sco = head.indexOf('技術等情報管理に関する研修');
  const questions = head.flatMap((h, i) => (/^Question \d+$/.test(h) ? [i] : []));
  const expected = learners.map((r) => {
    const started = /^\d+$/.test(r[head.indexOf('Attempt')]);
    const score = /^\d+$/.test(r[sco]) ? Number(r[sco]) : undefined;
    const answered = new Set(questions.map((i) => r[i]).filter((id) => id && !/_r\d+$/.test(id))).size;
    const standing = !started ? '未受講' : score === undefined ? '点数なし（クイズ未解答）' : answered === quizzes.length ? '合格点未満（全問解答済み）' : `合格点未満（${answered}/${quizzes.length}問解答）`;
    return { name: r[0], score, standing };
  });

  it('has a learner of each kind', () => {
    expect(run.code, run.text).toBe(0);
    expect(expected.map((l) => l.standing)).toEqual(expect.arrayContaining(['未受講', '点数なし（クイズ未解答）', '合格点未満（全問解答済み）']));
    expect(expected.some((l) => /^合格点未満（\d+\/\d+問解答）$/.test(l.standing))).toBe(true);
  });

  it('shows an opened course without a score as no score, not as 0, and says how far each learner below the pass mark got', () => {
    const listed = [...html.matchAll(/<tr data-learner="([^"]*)" data-best="([^"]*)">.*?<td data-standing>([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]]).sort();
    const below = expected.filter((l) => l.score === undefined || l.score < PASS);
    expect(listed).toEqual(below.map((l) => [l.name, String(l.score ?? ''), l.standing]).sort());
  });

  it('counts no one without a score in the 0–9 band', () => {
    const bins = Array.from({ length: 11 }, () => 0);
    for (const l of expected) if (l.score !== undefined) bins[Math.min(10, Math.floor(l.score / 10))]++;
    expect([...html.matchAll(/data-bin="(\d+)">(\d+)</g)].map((m) => Number(m[2]))).toEqual(bins);
  });
});

describe('npm run report on a download it cannot use', () => {
  // a real download (Moodle 4.5.6, 2026-12-05) with the interactions report's options as Moodle sets them
  // for a new user: the responses only, no question ids
  it('stops on an interactions download taken with Moodle\'s default options, saying which boxes to tick', () => {
    const target = join(tmp, 'never3.html');
    const r = runReport([join(FIXTURES, 'scorm12-interactions-responses-only.txt')], target);
    expect(r.code).not.toBe(0);
    expect(r.text).toContain('scorm12-interactions-responses-only.txt:1: インタラクションレポートが、問題の ID か回答のない形でダウンロードされています。');
    expect(r.text).toContain('「問題概要（Summary of question）」と「レスポンス概要（Summary of responses）」');
    expect(existsSync(target)).toBe(false);
  });
});

describe('the report of a company edition', () => {
  it('names the company under its title, as the checklist report and the certificate do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-company-'));
    try {
      const course = compileContent(writeCompanyContent(dir));
      const { html } = await report([fileDownload(join(FIXTURES, 'scorm12-basic.txt'))], course);
      expect(html).toContain(`受講状況レポート（${COMPANY.name}）</h1>`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
