// max_time_allowed and time_limit_action, as an LMS sets them at launch, against
// real scorm-again: the time left is the limit less the time on record; on
// "exit,…" the session ends with exit "time-out" and nothing after it is
// written; on "continue,message" the learner is told and the session goes on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import { parseScorm12Timespan, parseScorm2004Duration } from '../../src/tracking/time.ts';
import type { Notice } from '../../src/tracking/tracker.ts';
import { realCourse, SEED_KEYS, SCORM_AGAIN } from './fixtures.ts';

const course = realCourse();
/** both versions' scorm-again models keep interactions under cmi.interactions.n */
const interactionIds = (cmi: Record<string, unknown>) => Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).map((k) => cmi[k]);
const [q1, q2] = course.quizzes;

const VERSIONS = [
  {
    version: '1.2',
    dialect: scorm12,
    Api: SCORM_AGAIN['1.2'],
    // 100 s allowed, 40 s already on record: 60 s left
    limit: (action: string) => ({ 'cmi.student_data.max_time_allowed': '0000:01:40', 'cmi.student_data.time_limit_action': action, 'cmi.core.total_time': '0000:00:40', 'cmi.core.lesson_mode': 'normal' }),
    exit: 'cmi.core.exit',
  },
  {
    version: '2004',
    dialect: scorm2004,
    Api: SCORM_AGAIN['2004'],
    limit: (action: string) => ({ 'cmi.max_time_allowed': 'PT1M40S', 'cmi.time_limit_action': action, 'cmi.total_time': 'PT40S', 'cmi.mode': 'normal' }),
    exit: 'cmi.exit',
  },
] as const;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

for (const v of VERSIONS) {
  describe(`time limit, SCORM ${v.version}, scorm-again`, () => {
    const launch = (action: string) => {
      const api = new v.Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      api.loadFromFlattenedJSON(v.limit(action));
      const tracker = createScormTracker(v.dialect, api, course, { log: () => {} });
      let notices: Notice[] = [];
      tracker.onNotice((n) => (notices = n));
      const store = createStore(course, tracker, '');
      return { api, tracker, store, notices: () => notices.map((n) => n.id) };
    };

    it('exit,message: at 60 s the session ends with exit time-out, the answer before it kept, the one after not written', () => {
      const { api, store, notices } = launch('exit,message');
      store.answer(q1.id, [...SEED_KEYS[q1.id]]);
      store.flush();
      vi.advanceTimersByTime(59_000);
      expect(notices()).not.toContain('time-out');
      vi.advanceTimersByTime(1_500);
      expect(notices()).toContain('time-out');
      const cmi = api.getFlattenedCMI();
      expect(cmi[v.exit]).toBe('time-out');
      expect(interactionIds(cmi)).toEqual([q1.id]);
      store.answer(q2.id, [...SEED_KEYS[q2.id]]);
      store.flush();
      vi.advanceTimersByTime(120_000);
      expect(interactionIds(api.getFlattenedCMI())).toEqual([q1.id]);
    });

    it('exit,no message: the session ends the same way, and the learner is still told that nothing more is recorded', () => {
      const { api, notices } = launch('exit,no message');
      vi.advanceTimersByTime(61_000);
      expect(api.getFlattenedCMI()[v.exit]).toBe('time-out');
      expect(notices()).toContain('time-out');
    });

    it('continue,message: a notice, and answers after it still reach the LMS', () => {
      const { api, store, notices } = launch('continue,message');
      vi.advanceTimersByTime(61_000);
      expect(notices()).toContain('time-limit');
      store.answer(q1.id, [...SEED_KEYS[q1.id]]);
      store.flush();
      expect(interactionIds(api.getFlattenedCMI())).toEqual([q1.id]);
      expect(api.getFlattenedCMI()[v.exit]).toBe('suspend');
    });

    it('a limit used up before this launch: the launch completes, then the session ends with exit time-out', () => {
      const api = new v.Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      const used = v.limit('exit,message');
      api.loadFromFlattenedJSON({ ...used, [v.version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time']: v.version === '1.2' ? '0000:02:00' : 'PT2M' });
      const tracker = createScormTracker(v.dialect, api, course, { log: () => {} });
      const store = createStore(course, tracker, '');
      expect(api.getFlattenedCMI()[v.exit]).not.toBe('time-out');
      expect(store.get().route.name).toBe('start');
      vi.advanceTimersByTime(1);
      expect(api.getFlattenedCMI()[v.exit]).toBe('time-out');
    });

    it('continue,no message: nothing shown, nothing ended', () => {
      const { api, notices } = launch('continue,no message');
      vi.advanceTimersByTime(61_000);
      expect(notices().filter((n) => n.startsWith('time'))).toEqual([]);
      expect(api.getFlattenedCMI()[v.exit]).not.toBe('time-out');
    });
  });
}

it('reads both versions\' time formats', () => {
  expect(parseScorm12Timespan('0001:30:05.5')).toBe(5405.5);
  expect(parseScorm12Timespan('1:30:05')).toBeUndefined();
  expect(parseScorm2004Duration('PT1H30M5.5S')).toBe(5405.5);
  expect(parseScorm2004Duration('P1DT1S')).toBe(86401);
  expect(parseScorm2004Duration('P')).toBeUndefined();
  expect(parseScorm2004Duration('PT')).toBeUndefined();
});
