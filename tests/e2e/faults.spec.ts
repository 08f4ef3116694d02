// The fault matrix, end to end, for SCORM 1.2 and 2004: whatever the LMS does,
// the course does not crash, no answer is lost, and the learner is told.
import { expect, test, type Frame, type Page } from '@playwright/test';
import { compileContent } from '../../scripts/content/compile.ts';
import { answerQuiz, closeCourse, courseFrame, goTo, launch, record } from '../../scripts/lms-host/driver.ts';
import { startLmsHost, type LmsHost } from '../../scripts/lms-host/server.ts';
import { codecIds } from '../../src/app/store.ts';
import { decodeState } from '../../src/model/codec.ts';
import { lmsState } from './course-driver.ts';
import { answerKey } from '../../src/model/scoring.ts';
import { mirrorKey, type MirrorEntry } from '../../src/tracking/mirror.ts';

const course = compileContent('content');
const ids = codecIds(course, course.checklist.map((c) => c.id));
const keyOf = (quizId: string) => answerKey(course.quizzes.find((q) => q.id === quizId)!);

let host: LmsHost;
test.beforeAll(async () => {
  host = await startLmsHost();
});
test.afterAll(async () => host.close());

/** fails the test on an uncaught error in the host or the course */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function mirror(frame: Frame, v: string, learner: string) {
  const raw = await frame.evaluate((key) => localStorage.getItem(key), mirrorKey(course.meta.id, v, learner));
  return raw ? (JSON.parse(raw) as MirrorEntry) : null;
}

async function expectAnswered(frame: Frame, quizId: string, letters: string) {
  await goTo(frame, `/q/${quizId}`);
  await expect(frame.getByTestId('verdict')).toBeVisible();
  for (const letter of letters) await expect(frame.locator(`input[value=${letter}]`)).toBeChecked();
}

for (const v of ['1.2', '2004'] as const) {
  const status = v === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status';
  const raw = v === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
  const passedCmi: Record<string, string> =
    v === '1.2'
      ? { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '95', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' }
      : { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.raw': '95', 'cmi.score.scaled': '0.95', 'cmi.score.min': '0', 'cmi.score.max': '100' };

  test.describe(`SCORM ${v} faults`, () => {
    test('no API found: the LMS-unavailable notice; answers survive a reload', async ({ page }) => {
      const errors = watchErrors(page);
      let frame = await launch(page, host.url, { v, fault: 'no-api' });
      await expect(frame.locator('[data-notice=lms-unavailable]')).toContainText('この端末のブラウザにのみ保存');
      await answerQuiz(frame, 'q1_1', keyOf('q1_1'));
      await page.reload();
      frame = await courseFrame(page);
      await expectAnswered(frame, 'q1_1', keyOf('q1_1'));
      expect((await record(page)).calls).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('Initialize returns false: no further calls, a notice, answers in the local mirror', async ({ page }) => {
      const errors = watchErrors(page);
      const frame = await launch(page, host.url, { v, fault: 'init-false' });
      await expect(frame.locator('[data-notice=lms-unavailable]')).toBeVisible();
      await answerQuiz(frame, 'q2_1', keyOf('q2_1'));
      const kept = await mirror(frame, v, '');
      expect(decodeState(kept!.data, ids).answers).toEqual({ q2_1: keyOf('q2_1') });
      await closeCourse(page);
      const r = await record(page);
      expect(r.violations).toEqual([]);
      expect(r.calls.filter((c) => !/(GetLastError|GetErrorString|GetDiagnostic)$/.test(c.method)).map((c) => c.method)).toEqual([v === '1.2' ? 'LMSInitialize' : 'Initialize']);
      expect(errors).toEqual([]);
    });

    test('Commit fails twice, then recovers: every answer reaches the LMS, no lasting warning', async ({ page }) => {
      const errors = watchErrors(page);
      const frame = await launch(page, host.url, { v, fault: 'commit-fail-2' });
      for (const q of ['q1_1', 'q1_2', 'q1_3']) await answerQuiz(frame, q, keyOf(q));
      // the LMS has stored every answer's interaction: the Commit after the last answer's round went through
      // (the first state it stores may be an earlier round's, without the last answer)
      await page.waitForFunction((ids) => ids.every((id, n) => window.lmsHost?.stored()?.cmi[`cmi.interactions.${n}.id`] === id), ['q1_1', 'q1_2', 'q1_3'], { timeout: 5_000 });
      const r = await record(page);
      const failed = r.calls.filter((c) => /Commit$/.test(c.method) && c.result === 'false');
      expect(failed).toHaveLength(2);
      expect(failed.every((c) => c.injected)).toBe(true);
      const stored = r.stored!.cmi;
      expect(lmsState(stored['cmi.suspend_data']).answers).toEqual({ q1_1: keyOf('q1_1'), q1_2: keyOf('q1_2'), q1_3: keyOf('q1_3') });
      expect(['q1_1', 'q1_2', 'q1_3'].map((_, n) => stored[`cmi.interactions.${n}.id`])).toEqual(['q1_1', 'q1_2', 'q1_3']);
      expect(r.violations).toEqual([]);
      await expect(frame.locator('[data-notice=lms-save]')).toHaveCount(0);
      // The copy on this device stays pending for the session exactly when an answer went out in a
      // refused Commit: an LMS may not send it again (Moodle's 1.2 player), so the next launch checks
      // its record. Whether the first answer beats the second failure depends on the machine's speed
      // (CI's once did); with three failures it always does, and the same check holds.
      const lastFailure = r.calls.indexOf(failed[1]);
      const answerInRefusedRound = r.calls.slice(0, lastFailure).some((c) => /SetValue$/.test(c.method) && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]) && c.result === 'true');
      expect((await mirror(frame, v, 'learner_1'))?.pending).toBe(answerInRefusedRound);
      expect(errors).toEqual([]);
    });

    test('Commit always fails: a polite warning, nothing lost, the next launch resumes from the mirror', async ({ page }) => {
      const errors = watchErrors(page);
      let frame = await launch(page, host.url, { v, fault: 'commit-fail-always' });
      for (const q of ['q4_1', 'q4_2']) await answerQuiz(frame, q, keyOf(q));
      await expect(frame.locator('[data-notice=lms-save]')).toContainText('この端末にも保存', { timeout: 15_000 });
      const kept = await mirror(frame, v, 'learner_1');
      expect(kept?.pending).toBe(true);
      expect(decodeState(kept!.data, ids).answers).toEqual({ q4_1: keyOf('q4_1'), q4_2: keyOf('q4_2') });
      expect((await record(page)).stored).toBeNull();
      // the LMS never stored anything, not even at Terminate: the next launch takes the state from this device
      await closeCourse(page);
      expect((await record(page)).stored).toBeNull();
      frame = await launch(page, host.url, { v });
      await expectAnswered(frame, 'q4_2', keyOf('q4_2'));
      const r = await record(page);
      expect(r.violations).toEqual([]);
      expect(lmsState(r.stored!.cmi['cmi.suspend_data']).answers).toEqual({ q4_1: keyOf('q4_1'), q4_2: keyOf('q4_2') });
      expect(errors).toEqual([]);
    });

    test('tab closed mid-quiz: the submitted answers and the place are kept, the unsent ticks are not', async ({ page }) => {
      let frame = await launch(page, host.url, { v });
      await answerQuiz(frame, 'q2_1', keyOf('q2_1'));
      await goTo(frame, '/q/q2_2');
      await frame.locator('input[name=choice][value=a]').check();
      await page.close();
      page = await page.context().newPage();
      const errors = watchErrors(page);
      frame = await launch(page, host.url, { v });
      expect(await frame.evaluate(() => location.hash)).toBe('#/q/q2_2');
      await expect(frame.getByRole('button', { name: '解答する' })).toBeDisabled();
      await expectAnswered(frame, 'q2_1', keyOf('q2_1'));
      expect((await record(page)).violations).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('corrupt suspend_data with a pass on record: clean start, a notice, the pass and score untouched', async ({ page }) => {
      const errors = watchErrors(page);
      const frame = await launch(page, host.url, { v, cmi: { ...passedCmi, 'cmi.suspend_data': '{"not":"ours"}' } });
      await expect(frame.locator('[data-notice=state-reset]')).toBeVisible();
      await goTo(frame, '/');
      await expect(frame.getByTestId('course-status')).toHaveText('合格（修了）');
      await answerQuiz(frame, 'q1_1', 'a');
      await closeCourse(page);
      const r = await record(page);
      expect(r.violations).toEqual([]);
      expect([r.cmi[status], r.cmi[raw]]).toEqual(['passed', '95']);
      expect(lmsState(r.cmi['cmi.suspend_data']).answers).toEqual({ q1_1: 'a' });
      expect(errors).toEqual([]);
    });

    test('status already passed at launch: a wrong answer later does not lower it', async ({ page }) => {
      const frame = await launch(page, host.url, { v, cmi: passedCmi });
      await goTo(frame, '/');
      await expect(frame.getByTestId('course-status')).toHaveText('合格（修了）');
      await answerQuiz(frame, 'q3_1', 'b');
      await closeCourse(page);
      const r = await record(page);
      expect(r.violations).toEqual([]);
      expect([r.cmi[status], r.cmi[raw]]).toEqual(['passed', '95']);
      expect(r.calls.filter((c) => /SetValue$/.test(c.method) && (c.args[0] === status || c.args[0] === raw))).toEqual([]);
    });
  });
}
