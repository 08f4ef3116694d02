// The learner's time: input keeps it running, a stretch without any counts as
// the cap at most, and the LMS's session time and time limit follow it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import { activeClock, IDLE_CAP_MS } from '../../src/model/active-time.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import type { Notice } from '../../src/tracking/tracker.ts';
import { realCourse, SCORM_AGAIN } from './fixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the learner clock', () => {
  let t = 0;
  const now = () => t;
  beforeEach(() => (t = 1_000));

  it('counts time with input every minute in full', () => {
    const clock = activeClock(now);
    for (let m = 0; m < 30; m++) {
      t += MINUTE;
      clock.touch();
    }
    expect(clock.elapsed()).toBe(30 * MINUTE);
  });

  it('counts a stretch without input as 15 minutes at most, while it lasts and once it is over', () => {
    expect(IDLE_CAP_MS).toBe(15 * MINUTE);
    const clock = activeClock(now);
    t += 10 * MINUTE;
    expect(clock.elapsed()).toBe(10 * MINUTE);
    t += 3 * HOUR;
    expect(clock.elapsed()).toBe(15 * MINUTE);
    clock.touch();
    t += 2 * MINUTE;
    clock.touch();
    expect(clock.elapsed()).toBe(17 * MINUTE);
  });

  it('never goes back, even when its clock does', () => {
    const clock = activeClock(now);
    t += 5 * MINUTE;
    clock.touch();
    t -= 4 * MINUTE;
    expect(clock.elapsed()).toBe(5 * MINUTE);
    clock.touch();
    expect(clock.elapsed()).toBe(5 * MINUTE);
  });
});

const course = realCourse();
const VERSIONS = [
  {
    dialect: scorm12,
    Api: SCORM_AGAIN['1.2'],
    // 20 minutes allowed, none used yet
    limit: { 'cmi.student_data.max_time_allowed': '0000:20:00', 'cmi.student_data.time_limit_action': 'exit,message', 'cmi.core.lesson_mode': 'normal' },
    session: 'cmi.core.session_time',
    sessionOf: (minutes: number) => `0000:${String(minutes).padStart(2, '0')}:00.00`,
  },
  {
    dialect: scorm2004,
    Api: SCORM_AGAIN['2004'],
    limit: { 'cmi.max_time_allowed': 'PT20M', 'cmi.time_limit_action': 'exit,message', 'cmi.mode': 'normal' },
    session: 'cmi.session_time',
    sessionOf: (minutes: number) => `PT${minutes}M`,
  },
] as const;

describe.each(VERSIONS)('SCORM $dialect.version: the LMS is told the learner clock', (v) => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const launch = (limit: boolean) => {
    const api = new v.Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    if (limit) api.loadFromFlattenedJSON(v.limit);
    // session_time is write-only: what the course sets is what the LMS adds to the learner's total
    const set = v.dialect.version === '1.2' ? 'LMSSetValue' : 'SetValue';
    const sessions: string[] = [];
    const setValue = api[set].bind(api);
    api[set] = (element: string, value: string) => {
      if (element === v.session) sessions.push(value);
      return setValue(element, value);
    };
    const clock = activeClock(() => performance.now());
    const tracker = createScormTracker(v.dialect, api, course, { log: () => {}, elapsed: clock.elapsed });
    let notices: Notice[] = [];
    tracker.onNotice((n) => (notices = n));
    createStore(course, tracker, '', clock.elapsed);
    /** `minutes` of the learner at work, input every 30 seconds (`back`: the input that ends a stretch away) */
    const work = (minutes: number) => {
      for (let s = 0; s < minutes * 2; s++) {
        vi.advanceTimersByTime(MINUTE / 2);
        clock.touch();
      }
    };
    return { tracker, work, back: clock.touch, session: () => sessions.at(-1), timedOut: () => notices.some((n) => n.id === 'time-out') };
  };

  it('a tab left open for three hours between two stretches of work is a session of 5 + 15 + 5 minutes', () => {
    const { tracker, work, back, session } = launch(false);
    work(5);
    vi.advanceTimersByTime(3 * HOUR);
    back();
    work(5);
    tracker.finish();
    expect(session()).toBe(v.sessionOf(25));
  });

  it('the time limit waits while the learner is away, and ends the session when their time is up', () => {
    const { work, back, session, timedOut } = launch(true);
    work(4);
    vi.advanceTimersByTime(HOUR);
    back();
    expect(timedOut()).toBe(false);
    // 4 + 15 minutes so far
    work(0.5);
    expect(timedOut()).toBe(false);
    work(0.5);
    expect(timedOut()).toBe(true);
    expect(session()).toBe(v.sessionOf(20));
  });
});
