// What HR sees when an administrator changes the activity settings docs/lms-guide.md
// §3.4 lists: grading method, attempts graded, force new attempt, number of attempts,
// the display in a new window and the entry page's Preview button (§2.1).
// Each test imports its own activity with the setting (import.sh --set), takes it as
// student1 in Moodle's player and reads what Moodle stored, graded and marked complete.
import { expect, test, type Page } from '@playwright/test';
import { answerQuiz, goTo } from '../../scripts/lms-host/driver.ts';
import {
  answerAll,
  cmiOf,
  EL,
  enter,
  entryForm,
  FORCE_NEW_ATTEMPT,
  GRADE_METHOD,
  hasTotal,
  importActivity,
  inProgress,
  launchValues,
  leave,
  logScormCalls,
  login,
  PAGE_IDS,
  passed,
  PASSED_LABEL,
  quizzesOf,
  readEveryPage,
  records,
  regradeAs,
  session,
  summary,
  WHAT_GRADE,
  type Activity,
  type UserRecord,
  scoreFor,
  type Version,
} from './moodle.ts';

/** the quickest pass: every page read and 16 of 19 right (84 ≥ 80), story 4 left unanswered */
const PASS_QUIZZES = quizzesOf('story1', 'story2', 'story3');
const PASS_SCORE = scoreFor(PASS_QUIZZES.length);

/** what the gradebook shows: the grade and the maximum it is out of */
const gradebook = (u: UserRecord) => ({ grade: Number(u.gradebook.finalgrade), max: Number(u.gradebook.grademax) });
const statusOf = (u: UserRecord, v: Version, attempt: number) => cmiOf(u, attempt)[EL[v].status];
const scoreOf = (u: UserRecord, v: Version, attempt: number) => Number(cmiOf(u, attempt)[EL[v].raw]);

/** The entry page as the learner sees it before pressing Enter. */
async function entryPage(page: Page, activity: Activity): Promise<{ text: string; newAttemptBox: number }> {
  const form = await entryForm(page, activity);
  return { text: await page.locator('#region-main').innerText(), newAttemptBox: await form.locator('#a').count() };
}

test.beforeEach(async ({ page }) => {
  await logScormCalls(page);
  await login(page);
});

test.describe('grading method and attempts graded, over two attempts (force new attempt after completion)', () => {
  for (const v of ['1.2', '2004'] as const) {
    test(`SCORM ${v}: story 1, a pass, then a second attempt: what each grading method and each attempts-graded setting puts in the gradebook`, async ({ page }) => {
      test.setTimeout(45 * 60_000);
      // Moodle's default grading (highest grade, highest attempt) is live throughout; the other
      // methods are read by switching the setting on the same records and back again
      const activity = importActivity(v, `${v} grading and attempts`, { forcenewattempt: FORCE_NEW_ATTEMPT.onComplete });
      const under = (grademethod: number, whatgrade: number = WHAT_GRADE.highestAttempt) => gradebook(regradeAs(activity.cmid, grademethod, whatgrade));
      const backToDefault = () => gradebook(regradeAs(activity.cmid, GRADE_METHOD.highest, WHAT_GRADE.highestAttempt));

      // attempt 1, in progress: story 1 right
      const story1 = quizzesOf('story1');
      const s1 = await session(page, activity, v, (frame) => answerAll(frame, story1, true), hasTotal(v), 'first session stored');
      inProgress(s1.user, v);
      const partial = scoreFor(story1.length);
      expect(scoreOf(s1.user, v, 1)).toBe(partial);
      expect(gradebook(s1.user)).toEqual({ grade: partial, max: 100 });
      expect(under(GRADE_METHOD.learningObjects), 'learning objects, in progress').toEqual({ grade: 0, max: 1 });
      expect(under(GRADE_METHOD.average), 'average grade, in progress').toEqual({ grade: partial, max: 100 });
      expect(under(GRADE_METHOD.sum), 'sum grade, in progress').toEqual({ grade: partial, max: 100 });
      expect(backToDefault()).toEqual({ grade: partial, max: 100 });

      // attempt 1 resumes (force new attempt acts only on a finished attempt) and passes
      const s2 = await session(
        page,
        activity,
        v,
        async (frame) => {
          await answerAll(frame, quizzesOf('story2', 'story3'), true);
          await readEveryPage(frame);
          expect((await summary(frame)).status).toMatch(PASSED_LABEL);
        },
        (u) => statusOf(u, v, 1) === (v === '1.2' ? 'passed' : 'completed'),
        'the pass stored',
      );
      expect(launchValues(s2.calls, v).mode).toBe('normal');
      expect(s2.user.attempt_count).toBe(1);
      passed(s2.user, v, PASS_SCORE);
      expect(under(GRADE_METHOD.learningObjects), 'learning objects, passed').toEqual({ grade: 1, max: 1 });
      expect(under(GRADE_METHOD.average), 'average grade, passed').toEqual({ grade: PASS_SCORE, max: 100 });
      expect(under(GRADE_METHOD.sum), 'sum grade, passed').toEqual({ grade: PASS_SCORE, max: 100 });
      expect(backToDefault()).toEqual({ grade: PASS_SCORE, max: 100 });

      // the next entry is attempt 2, without asking: the course starts afresh; one quiz right
      const s3 = await session(
        page,
        activity,
        v,
        async (frame) => {
          const fresh = await summary(frame);
          expect(fresh.status).not.toMatch(PASSED_LABEL);
          expect(fresh.score).toMatch(/^0点/);
          await answerQuiz(frame, story1[0].id, story1[0].key);
        },
        (u) => u.attempt_count === 2 && cmiOf(u, 2)[EL[v].raw] !== undefined,
        'attempt 2 stored',
      );
      expect(launchValues(s3.calls, v).mode).toBe('normal');
      const one = scoreFor(1);
      expect([statusOf(s3.user, v, 2), scoreOf(s3.user, v, 2)]).toEqual(['incomplete', one]);
      // attempt 1's pass stays on record, the activity stays complete, the best attempt is graded
      expect([statusOf(s3.user, v, 1), scoreOf(s3.user, v, 1)]).toEqual([v === '1.2' ? 'passed' : 'completed', PASS_SCORE]);
      expect(s3.user.completion.state_name).toMatch(/^complete/);
      expect(gradebook(s3.user), 'highest attempt').toEqual({ grade: PASS_SCORE, max: 100 });
      expect(under(GRADE_METHOD.highest, WHAT_GRADE.firstAttempt).grade, 'first attempt').toBe(PASS_SCORE);
      expect(under(GRADE_METHOD.highest, WHAT_GRADE.lastCompletedAttempt).grade, 'last completed attempt').toBe(PASS_SCORE);
      expect(under(GRADE_METHOD.highest, WHAT_GRADE.averageAttempts).grade, 'average of attempts').toBe(Math.round((PASS_SCORE + one) / 2));
      expect(backToDefault().grade).toBe(PASS_SCORE);

      // attempt 2 resumes; story 1 finished right: the course is still in progress, but Moodle's
      // "last completed attempt" takes any stored value passed/completed, a story's objective included
      const s4 = await session(
        page,
        activity,
        v,
        (frame) => answerAll(frame, story1.slice(1), true),
        (u) => scoreOf(u, v, 2) === partial,
        'attempt 2, story 1 stored',
      );
      expect(launchValues(s4.calls, v).mode).toBe('normal');
      expect(s4.user.attempt_count).toBe(2);
      expect(statusOf(s4.user, v, 2)).toBe('incomplete');
      const objective = Object.entries(cmiOf(s4.user, 2)).filter(([k]) => /^cmi\.objectives\.0\./.test(k));
      expect(objective.map(([, value]) => value)).toContain(v === '1.2' ? 'passed' : 'completed');
      expect(gradebook(s4.user), 'highest attempt').toEqual({ grade: PASS_SCORE, max: 100 });
      expect(under(GRADE_METHOD.highest, WHAT_GRADE.firstAttempt).grade, 'first attempt').toBe(PASS_SCORE);
      expect(under(GRADE_METHOD.highest, WHAT_GRADE.lastCompletedAttempt).grade, 'last completed attempt').toBe(partial);
      expect(under(GRADE_METHOD.highest, WHAT_GRADE.averageAttempts).grade, 'average of attempts').toBe(Math.round((PASS_SCORE + partial) / 2));
      expect(backToDefault().grade).toBe(PASS_SCORE);
    });
  }
});

test.describe('force new attempt: always', () => {
  // scorm_check_mode() starts a new attempt on every entry before it reads any status,
  // so the version does not matter; 2004, the package the guide recommends
  test('SCORM 2004: every entry is a new attempt; the course starts afresh, the earlier attempt stays on record', async ({ page }) => {
    test.setTimeout(30 * 60_000);
    const v = '2004';
    const activity = importActivity(v, `${v} force new attempt always`, { forcenewattempt: FORCE_NEW_ATTEMPT.always });
    const story1 = quizzesOf('story1');
    const partial = scoreFor(story1.length);
    const s1 = await session(page, activity, v, (frame) => answerAll(frame, story1, true), hasTotal(v), 'first session stored');
    inProgress(s1.user, v);
    const s2 = await session(
      page,
      activity,
      v,
      async (frame) => {
        const fresh = await summary(frame);
        expect(fresh.score).toMatch(/^0点/);
        // the answer given in attempt 1 is not shown: the quiz asks again
        await goTo(frame, `/q/${story1[0].id}`);
        await expect(frame.getByRole('button', { name: '解答する' })).toBeVisible();
      },
      (u) => u.attempt_count === 2 && cmiOf(u, 2)[EL[v].total] !== undefined,
      'attempt 2 stored',
    );
    expect(launchValues(s2.calls, v).mode).toBe('normal');
    expect([statusOf(s2.user, v, 1), scoreOf(s2.user, v, 1)]).toEqual(['incomplete', partial]);
    expect(statusOf(s2.user, v, 2)).toBe('incomplete');
    expect(cmiOf(s2.user, 2)[EL[v].raw]).toBeUndefined();
    expect(s2.user.completion.state_name).toBe('incomplete');
    expect(gradebook(s2.user), 'highest attempt').toEqual({ grade: partial, max: 100 });
  });
});

test.describe('number of attempts: 1', () => {
  // the limit is counted in attempts (scorm_get_toc, scorm_check_mode), whatever the version
  // stores; 1.2 here, 2004 in the force-new-attempt test
  test('SCORM 1.2: leaving mid-way resumes the same attempt; after the pass the entry page offers no new attempt and opens in review, the record unchanged', async ({ page }) => {
    test.setTimeout(45 * 60_000);
    const v = '1.2';
    const activity = importActivity(v, `${v} one attempt`, { maxattempt: 1 });
    const [first, ...rest] = PASS_QUIZZES;
    const s1 = await session(page, activity, v, (frame) => answerQuiz(frame, first.id, first.key), hasTotal(v), 'first session stored');
    inProgress(s1.user, v);
    expect((await entryPage(page, activity)).newAttemptBox).toBe(0);
    const s2 = await session(
      page,
      activity,
      v,
      async (frame) => {
        await answerAll(frame, rest, true);
        await readEveryPage(frame);
      },
      (u) => statusOf(u, v, 1) === 'passed',
      'the pass stored',
    );
    expect(launchValues(s2.calls, v).mode).toBe('normal');
    passed(s2.user, v, PASS_SCORE);

    const entry = await entryPage(page, activity);
    expect(entry.newAttemptBox).toBe(0);
    expect(entry.text).toContain('You have reached the maximum number of attempts.');
    const frame = await enter(page, activity);
    expect(await summary(frame)).toEqual({ pages: `${PAGE_IDS.length}/${PAGE_IDS.length}`, score: expect.stringMatching(new RegExp(`^${PASS_SCORE}点`)), status: expect.stringMatching(PASSED_LABEL) });
    const calls = await leave(page, activity);
    expect(launchValues(calls, v).mode).toBe('review');
    expect(calls.filter((c) => /SetValue$/.test(c.m))).toEqual([]);
    await page.waitForTimeout(3_000);
    const after = records(activity.cmid);
    expect(after.attempt_count).toBe(1);
    passed(after, v, PASS_SCORE);
  });
});

test.describe("the entry page's Preview button (disable preview mode: No, Moodle's default)", () => {
  for (const v of ['1.2', '2004'] as const) {
    test(`SCORM ${v}: a preview says it records nothing and takes no answer, and does not end the attempt; Enter afterwards takes the same attempt in normal mode`, async ({ page }) => {
      test.setTimeout(15 * 60_000);
      const activity = importActivity(v, `${v} preview`, { hidebrowse: 0 });
      const q = PASS_QUIZZES[0];
      const preview = await session(
        page,
        activity,
        v,
        async (frame) => {
          await expect(frame.locator('[data-notice=browse]')).toContainText('記録も残りません');
          await goTo(frame, `/q/${q.id}`);
          await expect(frame.getByTestId('read-only')).toBeVisible();
          await expect(frame.getByRole('button', { name: '解答する' })).toHaveCount(0);
        },
        hasTotal(v),
        'the preview closed',
        { preview: true },
      );
      expect(launchValues(preview.calls, v).mode).toBe('browse');
      // Moodle's 1.2 player turns a status still "not attempted" at LMSFinish into "completed", in
      // preview too, and a completed attempt opens in review: the course says "browsed" instead
      expect(preview.calls.filter((c) => /SetValue$/.test(c.m)).map((c) => c.a)).toEqual(v === '1.2' ? [['cmi.core.lesson_status', 'browsed']] : []);
      const look = cmiOf(preview.user);
      expect(look[EL[v].status]).toBe(v === '1.2' ? 'browsed' : undefined);
      expect(look[EL[v].raw]).toBeUndefined();
      expect(preview.user.gradebook.finalgrade).toBeNull();
      expect(preview.user.completion.state_name).toBe('incomplete');

      const taken = await session(page, activity, v, (frame) => answerQuiz(frame, q.id, q.key), (u) => scoreOf(u, v, 1) === scoreFor(1), 'the first answer stored');
      expect(launchValues(taken.calls, v).mode).toBe('normal');
      expect(taken.user.attempt_count).toBe(1);
      inProgress(taken.user, v);
      expect(gradebook(taken.user).grade).toBe(scoreFor(1));
    });
  }
});

test.describe('display package: new window', () => {
  for (const v of ['1.2', '2004'] as const) {
    test(`SCORM ${v}: the course in Moodle's own window; closing that window mid-story keeps every answer, and the next entry resumes there`, async ({ page }) => {
      test.setTimeout(30 * 60_000);
      const activity = importActivity(v, `${v} new window`, { popup: 1 });
      const story1 = quizzesOf('story1');
      const closeAt = story1.length - 1;

      let where = '';
      const first = await session(
        page,
        activity,
        v,
        async (frame) => {
          await answerAll(frame, story1.slice(0, closeAt), true);
          where = await frame.evaluate(() => location.hash);
        },
        (u) => hasTotal(v)(u) && scoreOf(u, v, 1) === scoreFor(closeAt),
        "the closed window's session stored",
        { window: true },
      );
      expect(launchValues(first.calls, v).mode).toBe('normal');
      inProgress(first.user, v);
      expect(first.user.moodle_scorm_grade).toBe(scoreFor(closeAt));

      const second = await session(
        page,
        activity,
        v,
        async (frame) => {
          expect(await frame.evaluate(() => location.hash)).toBe(where);
          await answerAll(frame, story1.slice(closeAt), true);
        },
        (u) => scoreOf(u, v, 1) === scoreFor(story1.length),
        "the second window's session stored",
        { window: true },
      );
      expect(launchValues(second.calls, v).mode).toBe('normal');
      expect(second.user.attempt_count).toBe(1);
      inProgress(second.user, v);
      expect(gradebook(second.user)).toEqual({ grade: scoreFor(story1.length), max: 100 });
    });
  }
});
