// The built zips in a real Moodle 4.5.6 with the activity settings a site keeps
// by default (import.sh), taken as student1 in Moodle's player; what HR then reads
// is what Moodle stored (records.sh), checked against the course's rules and an
// answer key read from content/stories/*.yaml.
import { expect, test, type Page, type Request, type Route } from '@playwright/test';
import { answerQuiz, goTo, gotoAfter, visitPage } from '../../scripts/lms-host/driver.ts';
import { RETRY_MAX_MS } from '../../src/tracking/commit-scheduler.ts';
import {
  answerAll,
  BASE,
  callLog,
  certificateName,
  cleanSession,
  cmiOf,
  EL,
  enter,
  hasTotal,
  importActivity,
  inProgress,
  choiceList,
  launchValues,
  leave,
  logScormCalls,
  login,
  PAGE_IDS,
  passed,
  PASSED_LABEL,
  profileNames,
  QUIZZES,
  quizzesOf,
  readEveryPage,
  records,
  refused,
  reloadPlayer,
  retry,
  scoreFor,
  scormConfig,
  seconds,
  session,
  settled,
  sessionTime,
  statusWrites,
  STORY_IDS,
  summary,
  totalOf,
  wrongOf,
  type Activity,
  type UserRecord,
  type Version,
} from './moodle.ts';

/**
 * The player's tab hidden or shown again, as a learner's switch to another tab
 * does. Headless Chromium keeps a page visible whichever tab is in front, so
 * each document's visibilityState is set and its visibilitychange fired, the
 * player's first (Moodle's request.js turns its beacon on and off there), all in
 * one task as a browser does: no timer of the course's may run in between.
 */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    const frames = Array.from(document.querySelectorAll('iframe'), (f) => f.contentDocument);
    const docs = [document, ...frames.filter((d): d is Document => d !== null)];
    for (const d of docs) {
      Object.defineProperty(d, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      Object.defineProperty(d, 'hidden', { configurable: true, get: () => h });
    }
    for (const d of docs) d.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

/** the quiz ids of the interactions Moodle holds, sorted */
function interactionIds(u: UserRecord): string[] {
  const cmi = cmiOf(u);
  return Object.keys(cmi)
    .filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .map((k) => cmi[k])
    .sort();
}

/** The next entry shows `answered`, and once it is left Moodle holds each of them once, with their score; still in progress. */
async function nextEntryHoldsEvery(page: Page, activity: Activity, v: Version, answered: typeof QUIZZES): Promise<void> {
  const { user } = await session(
    page,
    activity,
    v,
    async (frame) => {
      await expect(frame.getByTestId('quizzes-answered')).toHaveText(`${answered.length}/${QUIZZES.length}`);
    },
    (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(answered.length) && interactionIds(u).length === answered.length,
    'every answer stored',
  );
  inProgress(user, v);
  expect(interactionIds(user), 'one interaction per answer').toEqual(answered.map((q) => q.id).sort());
}

/** where Moodle's player sends each save (and its beacons, with api=beacon) */
const DATAMODEL = /\/mod\/scorm\/datamodel\.php/;
/** a save Moodle's player sent as a beacon (request.js): while the page is hidden or closing */
const isBeacon = (r: Request) => r.url().startsWith(`${BASE}/mod/scorm/datamodel.php`) && r.url().includes('api=beacon');

/**
 * Moodle's server answers every save 503 (maintenance, a restart) until `back()`: its player then refuses the Commit.
 * `refused` holds the bodies of the saves it answered so.
 */
async function serverDown(page: Page): Promise<{ back: () => void; refused: string[] }> {
  let down = true;
  const refused: string[] = [];
  await page.route(DATAMODEL, (route) => {
    if (!down) return route.continue();
    refused.push(route.request().postData() ?? '');
    return route.fulfill({ status: 503, body: 'down for maintenance' });
  });
  return { back: () => (down = false), refused };
}

/**
 * Whether a save's body (Moodle's player posts each element as a form field:
 * `cmi.interactions.4.id` as `cmi__interactions_4__id` in 1.2, `cmi__interactions__4__id` in 2004) records the answer to
 * quiz `id`. Not merely that it names the quiz: the location the learner
 * moved on to (`/q/q2_3`) and 1.2's suspend_data name it before its answer is
 * written, and a test that took such a save for the answer's let Moodle back
 * too soon (seen: 1 run in 4).
 */
const recordsAnswer = (body: string, id: string) =>
  [...new URLSearchParams(body)].some(([name, value]) => /^cmi__interactions__?\d+__id$/.test(name) && value === id);

test.beforeEach(async ({ page }) => {
  await logScormCalls(page);
  await login(page);
});

for (const v of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${v}, Moodle's default settings`, () => {
    test('a first visit of a few seconds: incomplete, never failed, not complete, no false call; no grade in the gradebook', async ({ page }) => {
      const activity = importActivity(v, `${v} first visit`);
      const { calls, user } = await session(page, activity, v, (frame) => frame.waitForTimeout(3_000), hasTotal(v), 'total_time stored');
      inProgress(user, v);
      expect(statusWrites(calls)).not.toContain('failed');
      // no score before the first answer: not a 0 a report could show
      expect(cmiOf(user)[EL[v].raw]).toBeUndefined();
      // Moodle's own "highest grade" reckons such an attempt 0, but nothing reaches the gradebook until a
      // score or a pass is written: HR sees "-" there, not 0 (Number(null) would have read as 0)
      expect(user.moodle_scorm_grade).toBe(0);
      expect(user.gradebook.finalgrade).toBeNull();
    });

    test("a tab left open for three hours in the middle of a quiz: Moodle's total time and the answer's latency hold 15 minutes for that stretch, not three hours", async ({ page }) => {
      await page.clock.install();
      const activity = importActivity(v, `${v} tab left open`);
      const [first, second] = QUIZZES;
      const { user } = await session(
        page,
        activity,
        v,
        async (frame) => {
          await answerQuiz(frame, first.id, first.key);
          await goTo(frame, `/q/${second.id}`);
          await expect(frame.getByRole('button', { name: '解答する' })).toBeVisible();
          await page.clock.fastForward('03:00:00');
          await answerQuiz(frame, second.id, second.key);
        },
        (u) => hasTotal(v)(u) && Number(cmiOf(u)[EL[v].raw]) === scoreFor(2),
        'both answers and total_time stored',
      );
      const total = seconds(totalOf(user, v));
      expect(total).toBeGreaterThanOrEqual(15 * 60);
      expect(total).toBeLessThan(17 * 60);
      const latency = seconds(cmiOf(user)['cmi.interactions.1.latency']);
      expect(latency).toBeGreaterThanOrEqual(15 * 60);
      expect(latency).toBeLessThan(16 * 60);
    });

    test('stories 1–2, leave, relaunch: the same attempt resumes in normal mode; finishing right passes at 100; a relaunch shows the saved pass and changes nothing', async ({ page }) => {
      test.setTimeout(45 * 60_000);
      const activity = importActivity(v, `${v} resume and pass`);
      let where = '';
      const first = await session(
        page,
        activity,
        v,
        async (frame) => {
          await visitPage(frame, PAGE_IDS[0]);
          await answerAll(frame, quizzesOf('story1', 'story2'), true);
          where = await frame.evaluate(() => location.hash);
        },
        hasTotal(v),
        'first session stored',
      );
      inProgress(first.user, v);
      const answeredFirst = quizzesOf('story1', 'story2').length;
      const scoreSoFar = scoreFor(answeredFirst);
      expect(Number(cmiOf(first.user)[EL[v].raw])).toBe(scoreSoFar);
      // Moodle's "highest grade" shows the score so far in the gradebook (the guide tells HR so)
      expect(first.user.moodle_scorm_grade).toBe(scoreSoFar);
      expect(Number(first.user.gradebook.finalgrade)).toBe(scoreSoFar);

      const second = await session(
        page,
        activity,
        v,
        async (frame) => {
          // the same place, the answers shown
          expect(await frame.evaluate(() => location.hash)).toBe(where);
          await goTo(frame, `/q/${QUIZZES[1].id}`);
          await expect(frame.getByTestId('verdict')).toBeVisible();
          await expect(frame.getByRole('button', { name: '解答する' })).toHaveCount(0);
          await answerAll(frame, quizzesOf('story3', 'story4'), true);
          await readEveryPage(frame);
          expect((await summary(frame)).status).toMatch(PASSED_LABEL);
        },
        (u) => cmiOf(u)[EL[v].status] === (v === '1.2' ? 'passed' : 'completed') && seconds(totalOf(u, v)) > seconds(totalOf(first.user, v)),
        'second session stored',
      );
      expect(launchValues(second.calls, v)).toEqual({ mode: 'normal' });
      expect(second.user.attempt_count).toBe(1);
      passed(second.user, v, 100);

      const cmi = cmiOf(second.user);
      // the page's prose carries phrase marks (U+200B) for line breaking; Moodle stores none
      expect(Object.entries(cmi).filter(([, value]) => String(value).includes('\u200b'))).toEqual([]);
      // 19 interactions, distinct ids, every response and result as the key says
      const count = Number(cmi['cmi.interactions._count'] ?? Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length);
      expect(count).toBe(QUIZZES.length);
      const ids = Array.from({ length: count }, (_, n) => cmi[`cmi.interactions.${n}.id`]);
      expect(new Set(ids).size).toBe(QUIZZES.length);
      expect([...ids].sort()).toEqual(QUIZZES.map((q) => q.id).sort());
      ids.forEach((id, n) => {
        const q = QUIZZES.find((x) => x.id === id)!;
        expect(cmi[`cmi.interactions.${n}.${EL[v].response}`], id).toBe(choiceList(v, q.key));
        expect(cmi[`cmi.interactions.${n}.correct_responses.0.pattern`], id).toBe(choiceList(v, q.key));
        expect(cmi[`cmi.interactions.${n}.result`], id).toBe('correct');
      });
      // one objective per story
      const objectives = Object.keys(cmi).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k)).map((k) => cmi[k]);
      expect(objectives.sort()).toEqual([...STORY_IDS].sort());
      // total_time is the sum of both sessions
      const sessions = [sessionTime(first.calls, v), sessionTime(second.calls, v)].map((t) => seconds(t!));
      expect(seconds(cmi[EL[v].total])).toBeCloseTo(sessions[0] + sessions[1], 0);
      for (const c of [...first.calls, ...second.calls]) expect(statusWrites([c])).not.toContain('failed');

      // passed, then relaunched: the course shows the saved pass; Moodle's record does not move
      const before = second.user;
      const frame = await enter(page, activity);
      expect(await summary(frame)).toEqual({ pages: `${PAGE_IDS.length}/${PAGE_IDS.length}`, score: expect.stringMatching(/^100点/), status: expect.stringMatching(PASSED_LABEL) });
      await goTo(frame, `/q/${QUIZZES[0].id}`);
      await expect(frame.getByTestId('verdict')).toBeVisible();
      // a later visit, in review mode, still prints the 修了証, with the name as Moodle displays it:
      // by default Moodle passes its full name (not SCORM's "Last, First")
      await expect(await certificateName(frame)).toHaveText(`${before.fullname} 殿`);
      const third = await leave(page, activity);
      cleanSession(third, v);
      expect(launchValues(third, v).mode).toBe('review');
      expect(third.filter((c) => /SetValue$/.test(c.m))).toEqual([]);
      await page.waitForTimeout(3_000);
      const after = records(activity.cmid);
      expect(after.attempt_count).toBe(1);
      passed(after, v, 100);
      expect(seconds(totalOf(after, v))).toBeCloseTo(seconds(totalOf(before, v)), 1);
      expect(cmiOf(after)[EL[v].raw]).toBe(cmiOf(before)[EL[v].raw]);
    });

    test('every quiz wrong with every page read, then a retry in the same attempt: never locked out, never failed, passed', async ({ page }) => {
      test.setTimeout(45 * 60_000);
      const activity = importActivity(v, `${v} wrong then retry`);
      const first = await session(
        page,
        activity,
        v,
        async (frame) => {
          await readEveryPage(frame);
          await answerAll(frame, QUIZZES, false);
        },
        hasTotal(v),
        'first session stored',
      );
      inProgress(first.user, v);
      expect(Number(cmiOf(first.user)[EL[v].raw])).toBe(0);
      const second = await session(
        page,
        activity,
        v,
        async (frame) => {
          for (const story of STORY_IDS) {
            await retry(frame, story);
            await answerAll(frame, quizzesOf(story), true);
          }
          expect((await summary(frame)).status).toMatch(PASSED_LABEL);
        },
        (u) => cmiOf(u)[EL[v].status] === (v === '1.2' ? 'passed' : 'completed'),
        'second session stored',
      );
      expect(launchValues(second.calls, v).mode).toBe('normal');
      expect(second.user.attempt_count).toBe(1);
      passed(second.user, v, 100);
      expect([...statusWrites(first.calls), ...statusWrites(second.calls)]).not.toContain('failed');
      // both tries are kept: 19 wrong, then 19 right under retry ids
      const ids = interactionIds(second.user);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(2 * QUIZZES.length);
    });

    test('pages read just before a reload of the player are still read after it, and Moodle keeps them', async ({ page, browser }) => {
      const activity = importActivity(v, `${v} reload`);
      const read = PAGE_IDS.slice(0, 4);
      const shown = `${read.length}/${PAGE_IDS.length}`;
      let frame = await enter(page, activity);
      for (const id of read) await visitPage(frame, id);
      await expect(frame.getByTestId('pages-visited')).toHaveText(shown);
      // F5 at once: the closing save leaves as a beacon (request.js), which the reloaded player can outrun
      frame = await reloadPlayer(page);
      await expect(frame.getByTestId('pages-visited')).toHaveText(shown);
      await leave(page, activity);
      // Moodle's record itself holds them: another browser, with no copy of its own, resumes with them
      const elsewhere = await (await browser.newContext()).newPage();
      await login(elsewhere);
      frame = await enter(elsewhere, activity);
      await expect(frame.getByTestId('pages-visited')).toHaveText(shown);
      await leave(elsewhere, activity);
      await elsewhere.context().close();
    });

    test('logged out of Moodle in another tab mid-course: the answers Moodle then refuses stay in the browser, the learner is told, and the next entry writes every one of them', async ({ page }) => {
      test.setTimeout(30 * 60_000);
      const activity = importActivity(v, `${v} logged out`);
      const before = quizzesOf('story1');
      const after = quizzesOf('story2');
      // story 2 half right: the record must carry what was answered, not a guess
      const given = new Map(after.map((q, n) => [q.id, n % 2 === 0 ? q.key : wrongOf(q)]));
      const right = before.length + after.filter((q) => given.get(q.id) === q.key).length;
      const frame = await enter(page, activity);
      await answerAll(frame, before, true);
      const held = await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(before.length), 'story 1 stored');

      // the user menu's Log out, in another tab of the same browser
      const sesskey = await page.evaluate(() => (window as unknown as { M: { cfg: { sesskey: string } } }).M.cfg.sesskey);
      const other = await page.context().newPage();
      await other.goto(`${BASE}/login/logout.php?sesskey=${sesskey}`);
      await other.close();

      for (const q of after) await answerQuiz(frame, q.id, given.get(q.id)!);
      // Moodle answers each Commit with its login page now: after a few tries the learner is told
      await expect(frame.locator('[data-notice=lms-save]')).toBeVisible({ timeout: 60_000 });
      expect(Number(cmiOf(records(activity.cmid))[EL[v].raw])).toBe(Number(cmiOf(held)[EL[v].raw]));
      // (read here: Moodle's login page clears this origin's localStorage, where the log is kept)
      expect(refused(await callLog(page)).some((c) => /Commit$/.test(c.m)), 'a Commit Moodle refused').toBe(true);
      // the course left for Moodle's login page, as a learner does on being told to log in again
      await page.goto(`${BASE}/login/index.php`);

      await login(page);
      const { user } = await session(
        page,
        activity,
        v,
        async (frame) => {
          // the course took up where the learner was, with story 2's answers
          await goTo(frame, `/q/${after[0].id}`);
          await expect(frame.getByTestId('verdict')).toBeVisible();
        },
        (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(right),
        'the kept answers stored',
      );
      inProgress(user, v);
      const cmi = cmiOf(user);
      const ids = Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
      const byQuiz = new Map(ids.map((k) => [cmi[k], k.slice(0, -'id'.length)]));
      expect(ids.length, 'one interaction per answer').toBe(before.length + after.length);
      expect([...byQuiz.keys()].sort()).toEqual([...before, ...after].map((q) => q.id).sort());
      for (const q of before) expect(cmi[`${byQuiz.get(q.id)}${EL[v].response}`], q.id).toBe(choiceList(v, q.key));
      for (const q of after) {
        expect(cmi[`${byQuiz.get(q.id)}${EL[v].response}`], q.id).toBe(choiceList(v, given.get(q.id)!));
        expect(cmi[`${byQuiz.get(q.id)}result`], q.id).toBe(given.get(q.id) === q.key ? 'correct' : EL[v].wrong);
      }
    });

    test('logged out mid-course, then on with another device before coming back: the answers Moodle refused here and those given there all count', async ({ page, browser }) => {
      test.setTimeout(30 * 60_000);
      const activity = importActivity(v, `${v} logged out, then elsewhere`);
      const first = quizzesOf('story1');
      const refusedHere = quizzesOf('story2');
      const elsewhereToo = quizzesOf('story4');
      let frame = await enter(page, activity);
      await answerAll(frame, first, true);
      await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(first.length), 'story 1 stored');
      // logged out in another tab: story 2's answers are refused and kept in this browser
      const sesskey = await page.evaluate(() => (window as unknown as { M: { cfg: { sesskey: string } } }).M.cfg.sesskey);
      const other = await page.context().newPage();
      await other.goto(`${BASE}/login/logout.php?sesskey=${sesskey}`);
      await other.close();
      await answerAll(frame, refusedHere, true);
      await expect(frame.locator('[data-notice=lms-save]')).toBeVisible({ timeout: 60_000 });
      // On to the login page, which comes only once the course's next retry has run while it loads,
      // after the player's beforeunload, when Moodle answers every call "true" and sends it as a
      // beacon (mod/scorm/request.js) that a logged-out session never stores. A page that came
      // quickly let this pass about two times in three.
      expect(await gotoAfter(page, `${BASE}/login/index.php`, isBeacon, RETRY_MAX_MS + 5_000, (route) => route.continue()), 'a retry ran while the login page loaded').toBe(true);

      // another device, which has no copy of this browser's: Moodle's record holds story 1; story 4 is answered there
      const elsewhere = await (await browser.newContext()).newPage();
      await logScormCalls(elsewhere);
      await login(elsewhere);
      frame = await enter(elsewhere, activity);
      await expect(frame.getByTestId('quizzes-answered')).toHaveText(`${first.length}/${QUIZZES.length}`);
      await answerAll(frame, elsewhereToo, true);
      await leave(elsewhere, activity);
      await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(first.length + elsewhereToo.length), 'story 4 stored');
      await elsewhere.context().close();

      // back in the first browser: its kept story 2 joins what the other device left, and Moodle scores all three stories
      await login(page);
      const all = [...first, ...refusedHere, ...elsewhereToo];
      await nextEntryHoldsEvery(page, activity, v, all);
    });

    test("Moodle's server refuses saves for a while (503), then is back: the learner is warned, then not, and by the next entry Moodle holds every answer once, with the score", async ({ page }) => {
      test.setTimeout(30 * 60_000);
      const activity = importActivity(v, `${v} server down a while`);
      const before = quizzesOf('story1');
      const during = quizzesOf('story2');
      const frame = await enter(page, activity);
      await answerAll(frame, before, true);
      await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(before.length), 'story 1 stored');

      const server = await serverDown(page);
      await answerAll(frame, during, true);
      const warning = frame.locator('[data-notice=lms-save]');
      await expect(warning).toBeVisible({ timeout: 60_000 });
      // the warning comes with the first refused save; the course's later writes may still be on their way,
      // and one sent after back() is stored at once: Moodle is down until every answer of story 2 has been refused
      const last = during.at(-1)!.id;
      await expect.poll(() => server.refused.some((body) => recordsAnswer(body, last)), { timeout: 60_000 }).toBe(true);
      server.back();
      // the course's own retries find Moodle back: the warning goes with no move of the learner's
      await expect(warning).toBeHidden({ timeout: RETRY_MAX_MS + 30_000 });
      await leave(page, activity);
      // Moodle's 1.2 player sends each value once, in a request that failed too (datamodels/scorm_12.js
      // CollectData): story 2's answers and score are not in Moodle yet. Its 2004 player sends them all again.
      const left = await settled(activity.cmid, hasTotal(v), 'the session stored');
      const all = [...before, ...during];
      expect(interactionIds(left)).toEqual((v === '1.2' ? before : all).map((q) => q.id).sort());

      // the next entry: the answers the course was not sure of are checked against Moodle's record and written where missing
      await nextEntryHoldsEvery(page, activity, v, all);
    });

    test('every quiz right with no page read: not passed, not complete', async ({ page }) => {
      test.setTimeout(30 * 60_000);
      const activity = importActivity(v, `${v} right without pages`);
      const { calls, user } = await session(page, activity, v, (frame) => answerAll(frame, QUIZZES, true), hasTotal(v), 'session stored');
      inProgress(user, v);
      expect(statusWrites(calls)).not.toContain('passed');
      expect(Number(cmiOf(user)[EL[v].raw])).toBe(100);
      expect(cmiOf(user)['cmi.score.scaled']).toBeUndefined();
    });
  });
}

test.describe("SCORM 2004, a tab the learner leaves for another while Moodle refuses", () => {
  test('warned, the tab hidden, Moodle back meanwhile, the tab shown again: the retries went on by beacon while hidden, and the warning goes on its own', async ({ page }) => {
    test.setTimeout(30 * 60_000);
    const v = '2004';
    const activity = importActivity(v, `${v} hidden while refused`);
    const answered = quizzesOf('story1');
    const frame = await enter(page, activity);
    const server = await serverDown(page);
    await answerAll(frame, answered, true);
    const warning = frame.locator('[data-notice=lms-save]');
    await expect(warning).toBeVisible({ timeout: 60_000 });

    const beacons: string[] = [];
    page.on('request', (r) => {
      if (isBeacon(r)) beacons.push(r.url());
    });
    await setHidden(page, true);
    // Moodle answers by beacon while the page is hidden (request.js): the course's save on hiding, then its retries
    await expect.poll(() => beacons.length, { message: 'a retry by beacon after the save on hiding', timeout: RETRY_MAX_MS + 30_000 }).toBeGreaterThanOrEqual(2);
    await expect(warning).toBeVisible();
    server.back();
    await setHidden(page, false);
    await expect(warning).toBeHidden({ timeout: RETRY_MAX_MS + 30_000 });
    await leave(page, activity);
    const user = await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(answered.length), 'story 1 stored');
    inProgress(user, v);
  });
});

test.describe('SCORM 1.2, one save refused in the middle of a story', () => {
  test("Moodle's server refuses the save that carries quiz 2-1 (503), and stores the later ones: after the next entry and a new answer Moodle holds every answer once, and no record written before is changed", async ({ page }) => {
    test.setTimeout(30 * 60_000);
    const v = '1.2';
    const activity = importActivity(v, `${v} one save refused`);
    const story1 = quizzesOf('story1');
    const story2 = quizzesOf('story2');
    const frame = await enter(page, activity);
    await answerAll(frame, story1, true);
    await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(story1.length), 'story 1 stored');
    let refusedOnce = false;
    await page.route(DATAMODEL, (route) => {
      if (refusedOnce || !recordsAnswer(route.request().postData() ?? '', story2[0].id)) return route.continue();
      refusedOnce = true;
      return route.fulfill({ status: 503, body: 'down for a moment' });
    });
    await answerAll(frame, story2, true);
    await leave(page, activity);
    expect(refusedOnce, 'the save carrying 2-1 was refused').toBe(true);
    // Moodle's 1.2 player never sends those values again: 2-1's record is missing, 2-2 and 2-3 after the hole
    const left = await settled(activity.cmid, (u) => hasTotal(v)(u) && interactionIds(u).length === story1.length + story2.length - 1, 'the session stored');
    expect(interactionIds(left)).toEqual([...story1, ...story2.slice(1)].map((q) => q.id).sort());

    const next = quizzesOf('story3').slice(0, 1);
    const all = [...story1, ...story2, ...next];
    const { user } = await session(page, activity, v, (f) => answerAll(f, next, true), (u) => interactionIds(u).length === all.length, 'every answer stored');
    expect(interactionIds(user), 'one interaction per answer').toEqual(all.map((q) => q.id).sort());
    const before = cmiOf(left);
    const after = cmiOf(user);
    for (const element of Object.keys(before).filter((k) => /^cmi\.interactions\.\d+\./.test(k))) expect(after[element], element).toBe(before[element]);
  });
});

test.describe('SCORM 1.2, a phone out of its network for a while', () => {
  test('answers given offline, which Moodle answers "true" by a beacon that never leaves: the learner is warned, then not once back online, and by the next entry Moodle holds every answer once, with the score', async ({ page }) => {
    test.setTimeout(30 * 60_000);
    const v = '1.2';
    const activity = importActivity(v, `${v} offline a while`);
    const before = quizzesOf('story1');
    const offline = quizzesOf('story2');
    const all = [...before, ...offline];
    const frame = await enter(page, activity);
    await answerAll(frame, before, true);
    await settled(activity.cmid, (u) => Number(cmiOf(u)[EL[v].raw]) === scoreFor(before.length), 'story 1 stored');

    // offline, and every request to Moodle failing as without a network (the offline switch alone let some beacons through)
    await page.context().setOffline(true);
    const noNetwork = (route: Route) => route.abort('internetdisconnected');
    await page.route(DATAMODEL, noNetwork);
    await answerAll(frame, offline, true);
    const warning = frame.locator('[data-notice=lms-save]');
    await expect(warning).toBeVisible({ timeout: 60_000 });
    // (read while offline: Moodle's player, its request failing, answered the course's Commits "true", request.js)
    expect(await page.evaluate(() => (window as unknown as { navigator: Navigator }).navigator.onLine)).toBe(false);
    await page.unroute(DATAMODEL, noNetwork);
    await page.context().setOffline(false);
    await expect(warning).toBeHidden({ timeout: RETRY_MAX_MS + 30_000 });
    await leave(page, activity);
    const calls = await callLog(page);
    expect(refused(calls).filter((c) => /Commit$/.test(c.m)), 'no Commit Moodle refused: it answered "true" throughout').toEqual([]);

    await nextEntryHoldsEvery(page, activity, v, all);
  });
});

/**
 * Settings an administrator may change: the journey that went wrong before
 * (stories answered wrong, left, resumed, retried, finished) must still end right.
 */
const variations = [
  { name: 'mastery score overrides status off (masteryoverride=0)', set: { masteryoverride: 0 }, standard: false },
  { name: "Moodle's SCORM standard mode on", set: {}, standard: true },
] as const;
for (const variation of variations) {
  test.describe(`${variation.name}`, () => {
    let previous: string | undefined;
    test.beforeAll(() => {
      if (variation.standard) previous = scormConfig('scormstandard', '1');
    });
    test.afterAll(() => {
      if (variation.standard) scormConfig('scormstandard', previous || '0');
    });
    for (const v of ['1.2', '2004'] as const) {
      test(`SCORM ${v}: stories 1–2 wrong, leave, relaunch in normal mode, retry, finish: incomplete then passed, never failed`, async ({ page }) => {
        test.setTimeout(45 * 60_000);
        const names = await profileNames(page);
        const activity = importActivity(v, `${v} ${variation.standard ? 'standard mode' : 'no mastery override'}`, variation.set);
        const first = await session(page, activity, v, (frame) => answerAll(frame, quizzesOf('story1', 'story2'), false), hasTotal(v), 'first session stored');
        inProgress(first.user, v);
        const second = await session(
          page,
          activity,
          v,
          async (frame) => {
            for (const story of ['story1', 'story2']) {
              await retry(frame, story);
              await answerAll(frame, quizzesOf(story), true);
            }
            await answerAll(frame, quizzesOf('story3', 'story4'), true);
            await readEveryPage(frame);
            // standard mode passes SCORM's "Last, First", printed family name first as Japanese writes it
            await expect(await certificateName(frame)).toHaveText(`${variation.standard ? `${names.lastname} ${names.firstname}` : first.user.fullname} 殿`);
          },
          (u) => cmiOf(u)[EL[v].status] === (v === '1.2' ? 'passed' : 'completed'),
          'second session stored',
        );
        expect(launchValues(second.calls, v)).toEqual({ mode: 'normal' });
        expect(second.user.attempt_count).toBe(1);
        passed(second.user, v, 100);
        expect([...statusWrites(first.calls), ...statusWrites(second.calls)]).not.toContain('failed');
        const sessions = [sessionTime(first.calls, v), sessionTime(second.calls, v)].map((t) => seconds(t!));
        expect(seconds(totalOf(second.user, v))).toBeCloseTo(sessions[0] + sessions[1], 0);
      });
    }
  });
}
