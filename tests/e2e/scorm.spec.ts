// The course inside an LMS: scorm-again behind the strict host harness, for
// SCORM 1.2 and 2004. Every test fails on any violation the host records
// (a call returning "false", 1.2 size limits, calls after finish, Moodle's
// patterns for times, ids, decimals and responses).
import { expect, test, type Page } from '@playwright/test';
import { compileContent } from '../../scripts/content/compile.ts';
import { answerQuiz, closeCourse, courseFrame, goTo, launch, record, visitPage, type HostRecord } from '../../scripts/lms-host/driver.ts';
import { timespanSeconds } from '../../scripts/lms-host/checks.ts';
import { startLmsHost, type LmsHost } from '../../scripts/lms-host/server.ts';
import { lmsState } from './course-driver.ts';
import { answerKey } from '../../src/model/scoring.ts';

const course = compileContent('content');
const keyOf = (quizId: string) => answerKey(course.quizzes.find((q) => q.id === quizId)!);
/** two wrong answers: story 1 drops to 2/3, story 3 to 9/10; 17/19 → 89 points, still a pass */
const WRONG: Record<string, string> = { q1_2: 'b', q3_8: 'a' };
const chosen = (quizId: string) => WRONG[quizId] ?? keyOf(quizId);

const SESSION_TIME = { '1.2': /^\d{4}:\d{2}:\d{2}\.\d{2}$/, '2004': /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/ } as const;
const LATENCY = SESSION_TIME;
const TIME = { '1.2': /^\d{2}:\d{2}:\d{2}$/, '2004': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/ } as const;

let host: LmsHost;
test.beforeAll(async () => {
  host = await startLmsHost();
});
test.afterAll(async () => host.close());

async function clean(page: Page): Promise<HostRecord> {
  const r = await record(page);
  expect(r.violations).toEqual([]);
  return r;
}

const WRITES = /^(LMS)?(SetValue|Commit)$/;

/** the last value the course set for an element (write-only ones such as session_time are normalised by scorm-again) */
const sent = (r: HostRecord, element: string) => r.calls.filter((c) => /SetValue$/.test(c.method) && c.args[0] === element).at(-1)?.args[1];

for (const v of ['1.2', '2004'] as const) {
  const el = v === '1.2'
    ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max', exit: 'cmi.core.exit', session: 'cmi.core.session_time', location: 'cmi.core.lesson_location', entry: 'cmi.core.entry', response: 'student_response', time: 'time' }
    : { status: 'cmi.completion_status', raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max', exit: 'cmi.exit', session: 'cmi.session_time', location: 'cmi.location', entry: 'cmi.entry', response: 'learner_response', time: 'timestamp' };
  const join = (letters: string) => [...letters].join(v === '1.2' ? ',' : '[,]');

  test(`SCORM ${v}: the whole course is recorded exactly; a relaunch stays passed; review writes nothing`, async ({ page }) => {
    test.setTimeout(120_000);
    let frame = await launch(page, host.url, { v });
    for (const p of course.pages) await visitPage(frame, p.id);
    for (const q of course.quizzes) await answerQuiz(frame, q.id, chosen(q.id));
    await visitPage(frame, 'reference');
    await closeCourse(page);

    const r = await clean(page);
    const cmi = r.cmi;
    expect(r.finished).toBe(true);
    expect(r.commits).toBeLessThanOrEqual(40);
    // the page's prose carries phrase marks (U+200B) for line breaking; none reaches the LMS
    expect(r.calls.filter((c) => /SetValue$/.test(c.method) && String(c.args[1]).includes('\u200b'))).toEqual([]);
    // status and score
    if (v === '1.2') expect(cmi['cmi.core.lesson_status']).toBe('passed');
    else {
      expect(cmi['cmi.completion_status']).toBe('completed');
      expect(cmi['cmi.success_status']).toBe('passed');
      expect(cmi['cmi.score.scaled']).toBe('0.89');
      expect(cmi['cmi.progress_measure']).toBe('1');
    }
    expect([cmi[el.raw], cmi[el.min], cmi[el.max]]).toEqual(['89', '0', '100']);
    // suspend even when done: a normal exit ends the attempt, and the next launch (2004, Moodle) gets an empty record
    expect(cmi[el.exit]).toBe('suspend');
    expect(sent(r, el.session)).toMatch(SESSION_TIME[v]);
    expect(cmi[el.location]).toBe('/p/reference');
    // the resume state is the learner's state
    const state = lmsState(cmi['cmi.suspend_data']);
    expect(new Set(state.visited)).toEqual(new Set(course.pages.map((p) => p.id)));
    expect(state.answers).toEqual(Object.fromEntries(course.quizzes.map((q) => [q.id, chosen(q.id)])));
    expect(state.passed).toBe(true);
    expect(state.location).toBe('/p/reference');
    // one interaction per answer, in answer order
    // counted from the records themselves (the flattened model carries no _count to fall back on)
    expect(Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toHaveLength(course.quizzes.length);
    course.quizzes.forEach((q, n) => {
      const p = `cmi.interactions.${n}`;
      expect(cmi[`${p}.id`]).toBe(q.id);
      expect(cmi[`${p}.type`]).toBe('choice');
      expect(cmi[`${p}.${el.response}`]).toBe(join(chosen(q.id)));
      expect(cmi[`${p}.correct_responses.0.pattern`]).toBe(join(keyOf(q.id)));
      expect(cmi[`${p}.result`]).toBe(WRONG[q.id] ? (v === '1.2' ? 'wrong' : 'incorrect') : 'correct');
      expect(cmi[`${p}.weighting`]).toBe('1');
      expect(sent(r, `${p}.latency`)).toMatch(LATENCY[v]);
      expect(cmi[`${p}.${el.time}`]).toMatch(TIME[v]);
      if (v === '2004') expect(cmi[`${p}.description`]).toBe(`${q.number} ${q.title}`);
    });
    expect(cmi[`cmi.interactions.${course.quizzes.length}.id`]).toBeUndefined();
    // one objective per story
    const objectives = [
      { id: 'story1', raw: '66', s12: 'completed', success: 'unknown' },
      { id: 'story2', raw: '100', s12: 'passed', success: 'passed' },
      { id: 'story3', raw: '90', s12: 'passed', success: 'passed' },
      { id: 'story4', raw: '100', s12: 'passed', success: 'passed' },
    ];
    objectives.forEach((o, n) => {
      const p = `cmi.objectives.${n}`;
      expect(cmi[`${p}.id`]).toBe(o.id);
      expect(cmi[`${p}.score.raw`]).toBe(o.raw);
      if (v === '1.2') expect(cmi[`${p}.status`]).toBe(o.s12);
      else expect([cmi[`${p}.success_status`], cmi[`${p}.completion_status`]]).toEqual([o.success, 'completed']);
    });
    const stored = r.stored!;
    expect(stored.cmi['cmi.suspend_data']).toBe(cmi['cmi.suspend_data']);

    // relaunch after passing: the record stays passed and nothing is lowered
    await page.reload();
    frame = await courseFrame(page);
    await goTo(frame, '/');
    await expect(frame.getByTestId('course-status')).toHaveText('合格（修了）');
    await goTo(frame, '/q/q2_1');
    await expect(frame.getByTestId('verdict')).toBeVisible();
    await closeCourse(page);
    const again = await clean(page);
    // the attempt was suspended, not ended, so the learner comes back to it
    expect(again.cmi[el.entry]).toBe('resume');
    expect(again.cmi[el.status]).toBe(v === '1.2' ? 'passed' : 'completed');
    expect(again.cmi[el.raw]).toBe('89');
    const newStatusWrites = again.calls.filter((c) => WRITES.test(c.method) && /status$/.test(c.args[0] ?? '') && !c.args[0].includes('objectives'));
    expect(newStatusWrites).toEqual([]);

    // review: the saved state is shown, and the LMS only ever sees reads
    const before = again.stored;
    frame = await launch(page, host.url, { v, mode: 'review' });
    await expect(frame.locator('[data-notice=review]')).toBeVisible();
    await goTo(frame, '/q/q1_2');
    await expect(frame.getByTestId('verdict')).toContainText('不正解');
    await closeCourse(page);
    const review = await clean(page);
    const methods = new Set(review.calls.map((c) => c.method.replace(/^LMS/, '')));
    expect([...methods].sort()).toEqual(['Finish', 'GetLastError', 'GetValue', 'Initialize'].map((m) => (v === '2004' && m === 'Finish' ? 'Terminate' : m)).sort());
    expect(review.stored).toEqual(before);
  });

  test(`SCORM ${v}: a tab closed mid-story resumes at the same quiz with every answer kept`, async ({ page }) => {
    let frame = await launch(page, host.url, { v });
    await visitPage(frame, 'importance');
    for (const q of ['q3_1', 'q3_2', 'q3_3']) await answerQuiz(frame, q, chosen(q));
    await goTo(frame, '/q/q3_4');
    await expect(frame.getByRole('button', { name: '解答する' })).toBeVisible();
    await page.close({ runBeforeUnload: true });

    page = await page.context().newPage();
    frame = await launch(page, host.url, { v });
    expect(await frame.evaluate(() => location.hash)).toBe('#/q/q3_4');
    await expect(frame.getByRole('button', { name: '解答する' })).toBeVisible();
    const r = await clean(page);
    expect(r.cmi[el.entry]).toBe('resume');
    for (const q of ['q3_1', 'q3_2', 'q3_3']) {
      await goTo(frame, `/q/${q}`);
      await expect(frame.getByTestId('verdict')).toBeVisible();
      for (const letter of chosen(q)) await expect(frame.locator(`input[value=${letter}]`)).toBeChecked();
    }
    // the journal continues after the three answers already recorded
    await answerQuiz(frame, 'q3_4', chosen('q3_4'));
    const after = await clean(page);
    expect(after.cmi['cmi.interactions.3.id']).toBe('q3_4');
    expect(after.cmi['cmi.interactions.0.id']).toBe('q3_1');
  });

  test(`SCORM ${v}: a tab left open for three hours in the middle of a quiz tells the LMS 15 minutes for that stretch, in the session time and the answer's latency`, async ({ page }) => {
    await page.clock.install();
    const frame = await launch(page, host.url, { v });
    await answerQuiz(frame, 'q1_1', chosen('q1_1'));
    await goTo(frame, '/q/q1_2');
    await expect(frame.getByRole('button', { name: '解答する' })).toBeVisible();
    await page.clock.fastForward('03:00:00');
    await answerQuiz(frame, 'q1_2', chosen('q1_2'));
    await closeCourse(page);
    const r = await clean(page);
    const session = timespanSeconds(sent(r, el.session) ?? '');
    const latency = timespanSeconds(sent(r, 'cmi.interactions.1.latency') ?? '');
    expect(session).toBeGreaterThanOrEqual(15 * 60);
    expect(session).toBeLessThan(16 * 60);
    expect(latency).toBeGreaterThanOrEqual(15 * 60);
    expect(latency).toBeLessThanOrEqual(session);
  });

  test(`SCORM ${v}: a preview (browse mode) says it records nothing and how to take the course; no quiz takes an answer; the LMS learns only that it was a look`, async ({ page }) => {
    const frame = await launch(page, host.url, { v, mode: 'browse' });
    const notice = frame.locator('[data-notice=browse]');
    await expect(notice).toContainText('プレビューモード');
    await expect(notice).toContainText('記録も残りません');
    await expect(frame.locator('[data-notice=review]')).toHaveCount(0);
    // nothing kept, so nothing to resume and no score to raise
    await goTo(frame, '');
    await expect(frame.getByTestId('duration-note')).toHaveText('本文を読む時間とクイズ19問を解く時間の目安です。');
    await goTo(frame, '/');
    await expect(frame.getByTestId('unread')).toBeVisible();
    await expect(frame.getByTestId('menu-to-pass')).toHaveCount(0);
    await goTo(frame, '/q/q1_1');
    for (const choice of await frame.locator('input[name=choice]').all()) await expect(choice).toBeDisabled();
    await expect(frame.getByRole('button', { name: '解答する' })).toHaveCount(0);
    await expect(frame.getByTestId('read-only')).toHaveText('このモードでは解答できません（記録もされません）。');
    // a look still goes on through the story
    await frame.getByRole('link', { name: '次のクイズへ' }).click();
    await expect(frame.locator('main h1')).toContainText('クイズ1-2');
    await closeCourse(page);
    const r = await clean(page);
    // 1.2 only: an untouched record says "browsed", or the LMS would take the silence at LMSFinish for "completed"
    const writes = r.calls.filter((c) => WRITES.test(c.method)).map((c) => [c.method, ...c.args.slice(0, 2)]);
    expect(writes).toEqual(v === '1.2' ? [['LMSSetValue', 'cmi.core.lesson_status', 'browsed'], ['LMSCommit', '']] : []);
    expect(r.cmi[el.status]).toBe(v === '1.2' ? 'browsed' : 'unknown');
  });
}
