// SCORM 1.2 keeps interaction ids write-only, so an LMS's cmi.interactions._count
// is all the course learns of the records it holds, and two LMSs understate it
// at the next launch. The LMS here is a small SCORM 1.2 runtime of the test's
// own that counts as each of them does (not scorm-again, whose count is right):
//   - the Moodle app's 1.2 player (moodleapp src/addons/mod/scorm/classes/
//     data-model-12.ts) walks the records in the order Moodle's web service
//     gives them, sorted by element name (interactions_10 before
//     interactions_2): an index equal to the count so far adds one, a greater
//     one sets the count to that index less one;
//   - Moodle's web player counts the indexes it holds, and its 1.2 player sends
//     each value once, even in a request the server refused, so a refused save
//     in mid-session leaves a hole.
// Both take a new index only at the count (error 201 beyond it). What the test
// checks is the LMS's record: every interaction written before is still there
// with its values, and each answer is held once.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { answerReport, checklistAnswerReport } from '../../src/tracking/report.ts';
import { shortfall, splitTail, withTail } from '../../src/tracking/tail.ts';
import { browserStorage, realCourse, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const now = (work: () => boolean) => {
  while (work());
};

type CountRule = (heldIndexes: number[]) => number;

/** The Moodle app's rebuild of _count from the records, in the order of their names. */
const appCount: CountRule = (indexes) => {
  const names = indexes.map((n) => `cmi.interactions_${n}.id`).sort();
  let count = 0;
  for (const name of names) {
    const n = Number(/_(\d+)\./.exec(name)![1]);
    if (n === count) count += 1;
    else if (n > count) count = n - 1;
  }
  return count;
};
/** Moodle's web player: the indexes held */
const webCount: CountRule = (indexes) => indexes.length;

const ARRAY_INDEX = /^cmi\.(interactions|objectives)\.(\d+)\./;

/**
 * A launch of a 1.2 player over `server` (element → value, as the LMS's
 * database holds them). A Commit sends the values set since the last request;
 * `refuseNext` makes the next one fail, its values lost as Moodle's 1.2 player
 * loses them.
 */
function player(server: Record<string, string>, storage: Storage, countRule: CountRule, app = false) {
  const values: Record<string, string> = { ...server };
  const indexesOf = (array: string) => [...new Set(Object.keys(server).flatMap((k) => (ARRAY_INDEX.exec(k)?.[1] === array ? [Number(ARRAY_INDEX.exec(k)![2])] : [])))];
  const counts: Record<string, number> = { interactions: countRule(indexesOf('interactions')), objectives: indexesOf('objectives').length };
  const unsent: Record<string, string> = {};
  let error = '0';
  const control = { refuseNext: false, online: true };
  const send = () => {
    const ok = !control.refuseNext;
    control.refuseNext = false;
    if (ok) Object.assign(server, unsent);
    for (const k of Object.keys(unsent)) delete unsent[k];
    error = ok ? '0' : '101';
    return ok ? 'true' : 'false';
  };
  const api = {
    LMSInitialize: () => 'true',
    LMSFinish: () => send(),
    LMSCommit: () => send(),
    LMSGetLastError: () => error,
    LMSGetErrorString: () => '',
    LMSGetDiagnostic: () => '',
    LMSGetValue: (element: string) => {
      error = '0';
      const count = /^cmi\.(interactions|objectives)\._count$/.exec(element);
      if (count) return String(counts[count[1]]);
      if (/^cmi\.interactions\.\d+\./.test(element)) {
        error = '404';
        return '';
      }
      if (element === 'cmi.core.lesson_mode') return 'normal';
      return values[element] ?? '';
    },
    LMSSetValue: (element: string, value: string) => {
      const m = ARRAY_INDEX.exec(element);
      if (m) {
        const n = Number(m[2]);
        if (n > counts[m[1]]) {
          error = '201';
          return 'false';
        }
        if (n === counts[m[1]]) counts[m[1]] += 1;
      }
      error = '0';
      values[element] = value;
      unsent[element] = value;
      return 'true';
    },
  };
  // the app's player object has a setOffline method (the app calls it when its requests fail); a web player has none
  const lms = app ? { ...api, setOffline: () => {} } : api;
  const tracker = createScormTracker(scorm12, lms, course, { storage, log: () => {}, schedule: now, online: () => control.online });
  const store = createStore(course, tracker, '');
  const leave = () => {
    store.flush();
    tracker.finish();
  };
  const warned = () => store.get().notices.some((n) => n.id === 'lms-save');
  return { store, leave, control, warned };
}

/** index → the values of that interaction the LMS holds */
function interactions(server: Record<string, string>): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(server)) {
    const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(k);
    if (!m) continue;
    const n = Number(m[1]);
    out.set(n, { ...out.get(n), [m[2]]: v });
  }
  return out;
}

const ids = (server: Record<string, string>) => [...interactions(server).values()].map((i) => i.id).sort();
const answer = (page: ReturnType<typeof player>, quizId: string) => page.store.answer(quizId, [...SEED_KEYS[quizId]]);

describe('SCORM 1.2: an LMS whose interaction count at launch falls short of the records it holds', () => {
  const twelve = ['q1_1', 'q1_2', 'q1_3', 'q2_1', 'q2_2', 'q2_3', 'q3_1', 'q3_2', 'q3_3', 'q3_4', 'q3_5', 'q3_6'];

  it('the count rules as modelled: the app is two short from twelve records on, the web player counts what it holds', () => {
    expect([5, 10, 11, 12, 19, 38].map((n) => appCount([...Array(n).keys()]))).toEqual([5, 10, 10, 10, 17, 36]);
    expect(webCount([0, 1, 2, 4, 5])).toBe(5);
  });

  it("the Moodle app's player: the next session writes the last two records again as they were, and its new answer after them", () => {
    const server: Record<string, string> = { 'cmi.core.student_id': 'learner_a' };
    const first = player(server, browserStorage(), appCount);
    for (const q of twelve) answer(first, q);
    first.leave();
    const before = interactions(server);
    expect(before.size).toBe(12);

    // another session, in the app on the same phone or elsewhere: the LMS says 10
    const second = player(server, browserStorage(), appCount);
    answer(second, 'q3_7');
    second.leave();
    const after = interactions(server);
    for (const [n, record] of before) expect(after.get(n), `interaction ${n}`).toEqual(record);
    expect(ids(server)).toEqual([...twelve, 'q3_7'].sort());
    expect(after.get(12)?.id).toBe('q3_7');

    // and so on at every launch: a third session's answer lands after the thirteen
    const third = player(server, browserStorage(), appCount);
    answer(third, 'q3_8');
    third.leave();
    expect(ids(server)).toEqual([...twelve, 'q3_7', 'q3_8'].sort());
    for (const [n, record] of after) expect(interactions(server).get(n), `interaction ${n}`).toEqual(record);
  });

  it("Moodle's web player after a save refused in mid-session: the next session keeps every record and writes the refused answer, once", () => {
    const server: Record<string, string> = { 'cmi.core.student_id': 'learner_a' };
    const storage = browserStorage();
    const first = player(server, storage, webCount);
    for (const q of ['q1_1', 'q1_2', 'q1_3']) answer(first, q);
    first.control.refuseNext = true;
    answer(first, 'q2_1');
    answer(first, 'q2_2');
    answer(first, 'q2_3');
    first.leave();
    const before = interactions(server);
    // the hole: 2-1's record at index 3 never reached the server
    expect([...before.keys()].sort()).toEqual([0, 1, 2, 4, 5]);

    const second = player(server, storage, webCount);
    answer(second, 'q3_1');
    second.leave();
    for (const [n, record] of before) expect(interactions(server).get(n), `interaction ${n}`).toEqual(record);
    expect(ids(server)).toEqual(['q1_1', 'q1_2', 'q1_3', 'q2_1', 'q2_2', 'q2_3', 'q3_1'].sort());
  });

  it("Moodle's web player after three saves refused apart in one session: every earlier record kept, each refused answer written, once", () => {
    const server: Record<string, string> = { 'cmi.core.student_id': 'learner_a' };
    const storage = browserStorage();
    const first = player(server, storage, webCount);
    const given = ['q1_1', 'q1_2', 'q1_3', 'q2_1', 'q2_2', 'q2_3', 'q3_1'];
    for (const q of given) {
      first.control.refuseNext = ['q1_2', 'q2_1', 'q2_3'].includes(q);
      answer(first, q);
    }
    first.leave();
    const before = interactions(server);
    expect([...before.keys()].sort()).toEqual([0, 2, 4, 6]);

    const second = player(server, storage, webCount);
    answer(second, 'q3_2');
    second.leave();
    for (const [n, record] of before) expect(interactions(server).get(n), `interaction ${n}`).toEqual(record);
    expect(ids(server)).toEqual([...given, 'q3_2'].sort());
  });

  it('an LMS whose count is right writes nothing again', () => {
    const server: Record<string, string> = { 'cmi.core.student_id': 'learner_a' };
    const first = player(server, browserStorage(), webCount);
    for (const q of twelve) answer(first, q);
    first.leave();
    const second = player(server, browserStorage(), webCount);
    second.leave();
    expect(ids(server)).toEqual([...twelve].sort());
    const third = player(server, browserStorage(), webCount);
    answer(third, 'q3_7');
    third.leave();
    expect(interactions(server).get(12)?.id).toBe('q3_7');
    expect(interactions(server).size).toBe(13);
  });
});

describe("SCORM 1.2 in the Moodle app's player, out of the network", () => {
  // the app keeps each Commit in its own database while offline and sends it later: here the server gets it at once
  it('no warning that the LMS is not saving, and the next launch writes no answer twice, also from eleven records on', () => {
    const server: Record<string, string> = { 'cmi.core.student_id': 'learner_a' };
    const storage = browserStorage();
    const given = ['q1_1', 'q1_2', 'q1_3', 'q2_1', 'q2_2', 'q2_3', 'q3_1', 'q3_2', 'q3_3', 'q3_4', 'q3_5', 'q3_6'];
    const first = player(server, storage, appCount, true);
    first.control.online = false;
    for (const q of given) answer(first, q);
    expect(first.warned()).toBe(false);
    first.leave();
    const second = player(server, storage, appCount, true);
    answer(second, 'q3_7');
    second.leave();
    expect(ids(server)).toEqual([...given, 'q3_7'].sort());
  });

  it("Moodle's web player's offline \"true\" is still taken as nothing stored: the learner is warned", () => {
    const first = player({ 'cmi.core.student_id': 'learner_a' }, browserStorage(), webCount);
    first.control.online = false;
    for (const q of ['q1_1', 'q1_2', 'q1_3']) answer(first, q);
    expect(first.warned()).toBe(true);
  });
});

describe('the tail in suspend_data', () => {
  const at = new Date(Date.UTC(2026, 11, 5, 1, 2, 3, 456));
  const quiz = answerReport(course, 'q3_10', 'q3_10_r2', 'abd', false, 83.456, at);
  const item = checklistAnswerReport(course, course.checklist[0].id, 'partial', at);

  it('reads back into the same 1.2 writes, the state before it untouched', () => {
    const text = withTail('3~state', [{ index: 7, answer: quiz }, { index: 8, answer: item }]);
    const { state, tail } = splitTail(text, course);
    expect(state).toBe('3~state');
    expect(tail.map((e) => e.index)).toEqual([7, 8]);
    expect(scorm12.interactionWrites(7, tail[0].answer)).toEqual(scorm12.interactionWrites(7, quiz));
    expect(scorm12.interactionWrites(8, tail[1].answer)).toEqual(scorm12.interactionWrites(8, item));
  });

  it('a state without a tail, or with one this course cannot read, is the state and no tail', () => {
    expect(splitTail('3~state', course)).toEqual({ state: '3~state', tail: [] });
    expect(splitTail('3~state!7:q9_9:c:a:1:k', course).tail).toEqual([]);
    expect(splitTail('3~state!garbage;7:q1_1:c:a:1:k', course).tail).toEqual([]);
    // an unreadable entry ends the tail: the ones before it are kept
    expect(splitTail('3~state!7:q1_1:c:a:1:k;8:<script>', course).tail.map((e) => e.index)).toEqual([7]);
  });

  it('names the records to write again only where the count falls short and the tail has every one of them', () => {
    const tail = [{ index: 10, answer: quiz }, { index: 11, answer: item }];
    expect(shortfall(tail, 12).map((e) => e.index)).toEqual([]);
    expect(shortfall(tail, 11).map((e) => e.index)).toEqual([11]);
    expect(shortfall(tail, 10).map((e) => e.index)).toEqual([10, 11]);
    expect(shortfall(tail, 9)).toEqual([]);
    expect(shortfall([], 3)).toEqual([]);
  });
});
