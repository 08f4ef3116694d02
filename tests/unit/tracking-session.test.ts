// The SCORM tracker behind the real store, against real scorm-again in Node:
// commit policy and budget, retries with backoff, review mode, one Terminate,
// and API discovery over parent and opener chains.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import { findApi } from '../../src/tracking/discovery.ts';
import { WARN_AFTER_FAILURES } from '../../src/tracking/commit-scheduler.ts';
import { createScormTracker, LMS_REFUSING_NOTICE } from '../../src/tracking/scorm-tracker.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import type { Dialect } from '../../src/tracking/dialect.ts';
import type { Notice } from '../../src/tracking/tracker.ts';
import { realCourse, SEED_KEYS, SCORM_AGAIN } from './fixtures.ts';

const course = realCourse();
const silent = () => {};
/** LMS work at once, so that a test reads the LMS right after an action */
const now = (work: () => boolean) => {
  while (work());
};

/** scorm-again with a call log; `refuse` makes Commit answer "false" that many times */
function lms(dialect: Dialect, launch: Record<string, string> = {}, refuse = 0) {
  const Api = SCORM_AGAIN[dialect.version];
  const api = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  api.loadFromFlattenedJSON(launch);
  const calls: string[] = [];
  for (const name of Object.values(dialect.methods)) {
    const real = api[name].bind(api);
    api[name] = (...args: string[]) => {
      calls.push(name);
      if (name === dialect.methods.commit && refuse > 0) {
        refuse--;
        return 'false';
      }
      return real(...args);
    };
  }
  return { api, calls, count: (name: keyof Dialect['methods']) => calls.filter((c) => c === dialect.methods[name]).length };
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each([scorm12, scorm2004])('SCORM $version session', (dialect) => {
  it('a full scripted run (18 pages, 19 answers) stays within 40 commits and ends with one Terminate', () => {
    const host = lms(dialect);
    const tracker = createScormTracker(dialect, host.api, course, { log: silent, schedule: now });
    const store = createStore(course, tracker, '');
    for (const p of course.pages) store.navigate(`#/p/${p.id}`);
    for (const q of course.quizzes) {
      store.navigate(`#/q/${q.id}`);
      store.answer(q.id, [...SEED_KEYS[q.id]]);
    }
    store.flush();
    tracker.finish();
    tracker.finish();
    store.answer('q1_1', ['a']);
    expect(host.count('commit')).toBeLessThanOrEqual(40);
    // pages alone do not commit while within the throttle interval: start + answers + flush
    expect(host.count('commit')).toBe(1 + course.quizzes.length + 1);
    expect(host.count('terminate')).toBe(1);
    expect(host.calls.at(-1)).toBe(dialect.methods.terminate);
    expect(store.get().progress.status).toBe('passed');
  });

  it('a refused commit is retried with backoff; the warning shows after repeated refusals and goes on recovery', () => {
    vi.useFakeTimers();
    const host = lms(dialect, {}, WARN_AFTER_FAILURES + 1);
    const tracker = createScormTracker(dialect, host.api, course, { log: silent, schedule: now });
    let notices: Notice[] = [];
    tracker.onNotice((n) => (notices = n));
    const store = createStore(course, tracker, '');
    expect(host.count('commit')).toBe(1);
    store.answer('q1_1', ['a']);
    expect(host.count('commit')).toBe(2);
    expect(notices).toEqual([]);
    vi.advanceTimersByTime(999);
    expect(host.count('commit')).toBe(2);
    vi.advanceTimersByTime(1);
    expect(host.count('commit')).toBe(3);
    expect(notices).toEqual([LMS_REFUSING_NOTICE]);
    vi.advanceTimersByTime(4000);
    expect(host.count('commit')).toBe(4);
    vi.advanceTimersByTime(8000);
    expect(host.count('commit')).toBe(5);
    expect(notices).toEqual([]);
    vi.advanceTimersByTime(120_000);
    expect(host.count('commit')).toBe(5);
  });

  it('review mode: the saved state is offered, and only reads and Terminate reach the LMS', () => {
    const mode = dialect.version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
    const host = lms(dialect, { [mode]: 'review', 'cmi.suspend_data': '1~~/q/q1_2~~~~' });
    const tracker = createScormTracker(dialect, host.api, course, { log: silent, schedule: now });
    const store = createStore(course, tracker, '');
    expect(store.get().readOnly).toBe(true);
    // a launch opens at the welcome screen, which offers the saved place (続きから)
    expect(store.get().route).toEqual({ name: 'start' });
    expect(store.get().state.location).toBe('/q/q1_2');
    store.answer('q1_2', ['a']);
    store.flush();
    tracker.finish();
    expect(new Set(host.calls)).toEqual(new Set([dialect.methods.initialize, dialect.methods.getValue, dialect.methods.getLastError, dialect.methods.terminate]));
  });

  it("browse mode (an LMS's preview): read-only; an untouched 1.2 record says browsed, so the LMS cannot call it completed", () => {
    const mode = dialect.version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
    const status = dialect.version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    const host = lms(dialect, { [mode]: 'browse' });
    const tracker = createScormTracker(dialect, host.api, course, { log: silent, schedule: now });
    const store = createStore(course, tracker, '');
    expect(store.get().readOnly).toBe(true);
    expect(store.get().notices.map((n) => n.id)).toEqual(['browse']);
    store.answer('q1_1', ['a']);
    store.flush();
    expect(host.api[dialect.methods.getValue](status)).toBe(dialect.version === '1.2' ? 'browsed' : 'unknown');
    tracker.finish();
    expect([host.count('setValue'), host.count('commit')]).toEqual(dialect.version === '1.2' ? [1, 1] : [0, 0]);

    // a record the learner has begun keeps its status: a look writes nothing
    const begun = lms(dialect, { [mode]: 'browse', [status]: 'incomplete', 'cmi.suspend_data': '1~~/q/q1_2~~~~' });
    const second = createScormTracker(dialect, begun.api, course, { log: silent, schedule: now });
    createStore(course, second, '');
    second.finish();
    expect([begun.count('setValue'), begun.count('commit')]).toEqual([0, 0]);
  });

  it('the LMS mastery score replaces the content pass mark', () => {
    const launch: Record<string, string> = dialect.version === '1.2' ? { 'cmi.student_data.mastery_score': '60' } : { 'cmi.scaled_passing_score': '0.6' };
    const tracker = createScormTracker(dialect, lms(dialect, launch).api, course, { log: silent, schedule: now });
    expect(tracker.start().passMark).toBe(60);
  });
});

describe('API discovery', () => {
  type Win = { parent?: Win; opener?: Win; API?: object };
  const chain = (depth: number, api?: object) => {
    const top: Win = { API: api };
    top.parent = top;
    let win = top;
    for (let i = 0; i < depth; i++) win = { parent: win };
    return win;
  };

  it('walks up the parents to the LMS frame', () => {
    const api = {};
    expect(findApi(chain(3, api) as unknown as Window, 'API', 7)).toBe(api);
  });

  it('stops at the hop limit', () => {
    expect(findApi(chain(9, {}) as unknown as Window, 'API', 7)).toBeUndefined();
  });

  it('survives a cross-origin frame that throws, and finds the API through the opener', () => {
    const api = {};
    const hostile: Win = {};
    Object.defineProperty(hostile, 'API', { get: () => { throw new DOMException('cross-origin', 'SecurityError'); } });
    hostile.parent = hostile;
    const popup: Win = { parent: hostile, opener: chain(2, api) };
    popup.parent = hostile;
    hostile.opener = chain(2, api);
    expect(findApi(popup as unknown as Window, 'API', 7)).toBe(api);
  });

  it('a 2004 package does not take a 1.2 API found on the way', () => {
    expect(findApi(chain(1, {}) as unknown as Window, 'API_1484_11', 500)).toBeUndefined();
  });
});
