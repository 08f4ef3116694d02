// Issue 13 at the level of the pure logic and the tracker in Node: saved
// state checked against the content, two tabs' states merged, records never
// lowered, clocks that misbehave, the checklist rule, the codec's stamp.
import { describe, expect, it } from 'vitest';
import * as sa12 from 'scorm-again/scorm12';
import * as sa2004 from 'scorm-again/scorm2004';
import { codecIds, createStore } from '../../src/app/store.ts';
import type { Course } from '../../src/content/types.ts';
import { decodeState, encodeState, stateBegun, stateStamp } from '../../src/model/codec.ts';
import { evaluate } from '../../src/model/progress.ts';
import { answerQuiz, emptyState, mergeStates, reconcileState, retryStory, type LearnerState } from '../../src/model/state.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm2004Timestamp } from '../../src/tracking/time.ts';
import type { Dialect } from '../../src/tracking/dialect.ts';
import type { CopyStore } from '../../src/tracking/durable.ts';
import { mirrorKey, storeAnswer, type StoredAnswer } from '../../src/tracking/mirror.ts';
import { answerReport } from '../../src/tracking/report.ts';
import { realCourse, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const ids = codecIds(course, course.checklist.map((c) => c.id));
const now = (work: () => boolean) => {
  while (work());
};

type Api = Record<string, (...a: string[]) => string> & { loadFromFlattenedJSON(d: object): void; getFlattenedCMI(): Record<string, unknown> };
function lms(dialect: Dialect, launch: Record<string, string> = {}) {
  const m = (dialect.version === '1.2' ? sa12 : sa2004) as unknown as Record<string, unknown> & { default?: Record<string, unknown> };
  const name = dialect.version === '1.2' ? 'Scorm12API' : 'Scorm2004API';
  const Ctor = (m[name] ?? m.default?.[name] ?? m.default) as new (s: object) => Api;
  const api = new Ctor({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  api.loadFromFlattenedJSON(launch);
  const sets: Array<[string, string]> = [];
  const real = api[dialect.methods.setValue].bind(api);
  api[dialect.methods.setValue] = (el: string, v: string) => {
    const r = real(el, v);
    if (r === 'true') sets.push([el, v]);
    return r;
  };
  return { api, sets };
}

describe('saved state against the current content (item 9)', () => {
  it('recounts a story from its answers: a removed quiz does not turn 3 of 4 into full marks', () => {
    const story = course.stories[0];
    let s = emptyState();
    for (const q of story.quizzes) s = answerQuiz(course, s, q, [...SEED_KEYS[q]]);
    // an older version of the content had one more quiz in this story, answered wrong
    const forged: LearnerState = { ...s, stories: { [story.id]: { best: story.quizzes.length, attempts: 1 } }, answers: { ...s.answers, [story.quizzes[0]]: 'd' } };
    const back = reconcileState(course, forged);
    expect(back.stories[story.id].best).toBe(story.quizzes.length - 1);
    expect(back.answers[story.quizzes[0]]).toBeUndefined();
  });

  it('drops an answer holding a letter the quiz no longer has, so the quiz opens again', () => {
    const q = course.quizzes[0];
    expect(q.choices.some((c) => c.id === 'h')).toBe(false);
    const back = reconcileState(course, { ...emptyState(), answers: { [q.id]: 'ah' }, stories: { [q.story]: { best: 0, attempts: 1 } } });
    expect(back.answers).toEqual({});
  });

  it('a forged pass flag with nothing answered is not a pass', () => {
    const forged = { ...emptyState(), passed: true, stories: Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length, attempts: 1 }])) };
    const back = reconcileState(course, forged);
    expect(back.passed).toBe(false);
    expect(evaluate(course, back).score).toBe(0);
    expect(evaluate(course, back).status).toBe('incomplete');
  });

  it('a retried story keeps its best (earlier attempts are not in the state), capped at its quizzes', () => {
    const story = course.stories[1];
    const s = { ...emptyState(), stories: { [story.id]: { best: 99, attempts: 3 } } };
    expect(reconcileState(course, s).stories[story.id]).toEqual({ best: story.quizzes.length, attempts: 3 });
  });
});

describe('two tabs (item 7)', () => {
  it('merging keeps both tabs\' answers and pages, and is a no-op when the other adds nothing', () => {
    const a = answerQuiz(course, { ...emptyState(), visited: ['check'] }, 'q1_1', ['a']);
    const b = answerQuiz(course, { ...emptyState(), visited: ['importance'] }, 'q2_1', ['a']);
    const m = mergeStates(course, a, b);
    expect(m.answers).toEqual({ q1_1: 'a', q2_1: 'a' });
    expect(m.visited).toEqual(['check', 'importance']);
    expect(mergeStates(course, m, a)).toBe(m);
  });

  it('a retry in the other tab wins over this tab\'s older attempt of that story', () => {
    const a = answerQuiz(course, emptyState(), 'q1_1', ['a']);
    const b = retryStory(course, a, 'story1');
    expect(mergeStates(course, a, b).answers.q1_1).toBeUndefined();
    expect(mergeStates(course, a, b).stories.story1.attempts).toBe(2);
  });
});

describe('two copies of one learner: the LMS\'s and this browser\'s (item 3)', () => {
  // this browser's copy, as a session whose Commits the LMS refused left it: pending; confirmed when the LMS had held a state of its attempt
  const browser = (key: string, data: string, confirmed: boolean, outbox: StoredAnswer[] = []): CopyStore => {
    const items = new Map([[key, JSON.stringify({ data, pending: true, outbox, confirmed })]]);
    return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
  };
  const right = (q: string) => [...SEED_KEYS[q]];
  const answered = (...quizzes: string[]) => quizzes.reduce((s, q) => answerQuiz(course, s, q, right(q)), emptyState());
  const HOUR = 3_600_000;
  const t0 = 1_790_000_000_000;

  /** launches with the LMS holding `lms` and this browser `mine`; the answers the learner resumes with, and those the LMS holds in the end */
  function resume(dialect: Dialect, lmsState: string, mine: string, confirmed = true) {
    const learnerId = dialect.version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id';
    const { api } = lms(dialect, { [learnerId]: 'learner_1', 'cmi.suspend_data': lmsState });
    const tracker = createScormTracker(dialect, api, course, { schedule: now, log: () => {}, storage: browser(mirrorKey(course.meta.id, dialect.version, 'learner_1'), mine, confirmed) });
    const store = createStore(course, tracker, '');
    const resumed = Object.keys(store.get().state.answers).sort();
    tracker.finish();
    const held = String(api.getFlattenedCMI()['cmi.suspend_data'] ?? '');
    return { resumed, held: Object.keys(decodeState(held, ids).answers).sort(), begun: stateBegun(held) };
  }

  it.each([scorm12, scorm2004])('SCORM %#: answers the LMS refused here, then more on another device: the learner resumes with both', (dialect) => {
    // here, first: q1_1, refused; then on another device, the same attempt: q2_1, accepted
    const here = encodeState(answered('q1_1'), t0 + HOUR, t0);
    const there = encodeState(answered('q2_1'), t0 + 2 * HOUR, t0);
    expect(resume(dialect, there, here)).toEqual({ resumed: ['q1_1', 'q2_1'], held: ['q1_1', 'q2_1'], begun: t0 });
    // the other way round in time: this browser's copy is the later one
    const later = encodeState(answered('q1_1'), t0 + 3 * HOUR, t0);
    expect(resume(dialect, there, later)).toEqual({ resumed: ['q1_1', 'q2_1'], held: ['q1_1', 'q2_1'], begun: t0 });
    // refused from the start here, so the LMS held nothing and the other device began the attempt afresh
    const fresh = encodeState(answered('q2_1'), t0 + 2 * HOUR, t0 + 2 * HOUR);
    expect(resume(dialect, fresh, here, false)).toEqual({ resumed: ['q1_1', 'q2_1'], held: ['q1_1', 'q2_1'], begun: t0 + 2 * HOUR });
  });

  it.each([scorm12, scorm2004])('SCORM %#: a copy of an earlier attempt stays out of the new one the LMS holds, later or not', (dialect) => {
    const newAttempt = encodeState(answered('q2_1'), t0 + 48 * HOUR, t0 + 47 * HOUR);
    for (const saved of [t0 + HOUR, t0 + 49 * HOUR]) {
      const oldAttempt = encodeState(answered('q1_1'), saved, t0);
      expect(resume(dialect, newAttempt, oldAttempt)).toEqual({ resumed: ['q2_1'], held: ['q2_1'], begun: t0 + 47 * HOUR });
    }
  });

  it('SCORM 1.2: an answer this browser still owes is written again when its interaction index now holds another device\'s answer', () => {
    // here: story 1 committed (interactions 0–2), then q2_1 set at index 3 and refused with its Commit
    const key = mirrorKey(course.meta.id, '1.2', 'learner_1');
    const owedHere = storeAnswer(answerReport(course, 'q2_1', 'q2_1', right('q2_1').join(''), true, 5, new Date(t0 + HOUR)), 3);
    const mine = encodeState(answered('q1_1', 'q1_2', 'q1_3', 'q2_1'), t0 + HOUR, t0);
    const journal = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`cmi.interactions.${i}.id`, `x${i}`]));
    const launchWith = (lmsState: string) => {
      const { api, sets } = lms(scorm12, { 'cmi.core.student_id': 'learner_1', 'cmi.suspend_data': lmsState, ...journal(4) });
      const tracker = createScormTracker(scorm12, api, course, { schedule: now, log: () => {}, storage: browser(key, mine, true, [owedHere]) });
      createStore(course, tracker, '');
      tracker.finish();
      return sets.filter(([el, v]) => /^cmi\.interactions\.\d+\.id$/.test(el) && v === 'q2_1').map(([el]) => el);
    };
    // another device filled index 3 with story 4's first answer: its state has no q2_1, so q2_1 is written anew, after it
    expect(launchWith(encodeState(answered('q1_1', 'q1_2', 'q1_3', 'q4_1'), t0 + 2 * HOUR, t0))).toEqual(['cmi.interactions.4.id']);
    // this browser's closing Commit did reach the LMS: its state holds q2_1, so index 3 is q2_1's and nothing is written twice
    expect(launchWith(encodeState(answered('q1_1', 'q1_2', 'q1_3', 'q2_1'), t0 + HOUR + 1, t0))).toEqual([]);
  });

  it('copies saved before attempts were told apart: the later one wins, as it did, and the attempt begins at its stamp', () => {
    const v2 = (text: string) => text.split('~').slice(0, 8).join('~').replace(/^3~/, '2~');
    const lmsState = v2(encodeState(answered('q2_1'), t0 + 2 * HOUR));
    expect(resume(scorm2004, lmsState, v2(encodeState(answered('q1_1'), t0 + HOUR)))).toEqual({ resumed: ['q2_1'], held: ['q2_1'], begun: t0 + 2 * HOUR });
    expect(resume(scorm2004, lmsState, v2(encodeState(answered('q1_1'), t0 + 3 * HOUR)))).toEqual({ resumed: ['q1_1'], held: ['q1_1'], begun: t0 + 3 * HOUR });
  });
});

describe('the checklist rule (item 9)', () => {
  it('a course requiring the checklist is not complete with nothing answered, even when no count is passed', () => {
    const withChecklist: Course = { ...course, meta: { ...course.meta, completion: { ...course.meta.completion, checklist: true } } };
    let s = { ...emptyState(), visited: course.pages.map((p) => p.id) };
    for (const q of course.quizzes) s = answerQuiz(course, s, q.id, [...SEED_KEYS[q.id]]);
    expect(evaluate(withChecklist, s).complete).toBe(false);
    expect(evaluate(course, s).complete).toBe(true);
  });
});

describe('the resume state carries when it was saved (item 3)', () => {
  it('round-trips the stamp and the beginning of the attempt, still reads versions 1 and 2 without them, and tells bad ones', () => {
    const text = encodeState(emptyState(), 1_790_000_000_000, 1_780_000_000_000);
    // base 36 by hand: 1,790,000,000,000 ms and 1,780,000,000,000 ms
    expect(text.split('~').slice(-2)).toEqual([(1_790_000_000_000).toString(36), (1_780_000_000_000).toString(36)]);
    expect(stateStamp(text)).toBe(1_790_000_000_000);
    expect(stateBegun(text)).toBe(1_780_000_000_000);
    expect(decodeState(text, ids)).toEqual(emptyState());
    expect(stateStamp('1~~/~~~~')).toBe(0);
    expect(stateBegun('1~~/~~~~')).toBe(0);
    expect(decodeState('1~~/q/q1_2~~~~', ids).location).toBe('/q/q1_2');
    expect(stateStamp('2~~/~~~~~100')).toBe(1296);
    expect(stateBegun('2~~/~~~~~100')).toBe(0);
    const fields = text.split('~');
    const broken = (index: number) => fields.map((f, i) => (i === index ? `${f}!` : f)).join('~');
    expect(stateStamp(broken(7))).toBe(-1);
    expect(stateBegun(broken(8))).toBe(-1);
    expect(() => decodeState(broken(7), ids)).toThrow(/stamp/);
    // the attempt's beginning only tells copies apart: unreadable, it is unknown, and the state still reads
    expect(decodeState(broken(8), ids)).toEqual(emptyState());
  });
});

describe('clocks (item 9)', () => {
  it('2004 timestamps after 2038 are clamped to what Moodle accepts', () => {
    expect(scorm2004Timestamp(new Date(Date.UTC(2040, 5, 1, 12)))).toBe('2038-12-31T23:59:59.99Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 670)))).toBe('2026-01-02T03:04:05.67Z');
  });

  it.each([scorm12, scorm2004])('SCORM $version: a wall clock set back does not shorten the session time', (dialect) => {
    const { api, sets } = lms(dialect);
    let wall = Date.UTC(2026, 0, 1, 10);
    let mono = 0;
    const tracker = createScormTracker(dialect, api, course, { schedule: now, log: () => {}, now: () => wall, elapsed: () => mono });
    createStore(course, tracker, '');
    wall -= 3_600_000;
    mono += 90_000;
    tracker.finish();
    const session = sets.filter(([el]) => /session_time$/.test(el)).map(([, v]) => v);
    expect(session).toEqual([dialect.version === '1.2' ? '0000:01:30.00' : 'PT1M30S']);
  });
});

describe('records never lowered (items 5, 9)', () => {
  it('SCORM 1.2: a failed the LMS holds at launch is not replaced by incomplete', () => {
    const { api, sets } = lms(scorm12, { 'cmi.core.lesson_status': 'failed' });
    const tracker = createScormTracker(scorm12, api, course, { schedule: now, log: () => {} });
    const store = createStore(course, tracker, '');
    store.answer('q1_1', ['a']);
    tracker.finish();
    expect(sets.filter(([el]) => el === 'cmi.core.lesson_status')).toEqual([]);
  });

  it.each([
    [scorm12, { 'cmi.objectives.0.id': 'story1', 'cmi.objectives.0.status': 'passed', 'cmi.objectives.0.score.raw': '100' }],
    [scorm2004, { 'cmi.objectives.0.id': 'story1', 'cmi.objectives.0.success_status': 'passed', 'cmi.objectives.0.completion_status': 'completed', 'cmi.objectives.0.score.raw': '100', 'cmi.objectives.0.score.scaled': '1' }],
  ] as const)('SCORM %#: a story objective the LMS holds as passed is not written lower after a reset', (dialect, held) => {
    const { api, sets } = lms(dialect, { ...held, 'cmi.suspend_data': 'garbage' });
    const tracker = createScormTracker(dialect, api, course, { schedule: now, log: () => {} });
    const store = createStore(course, tracker, '');
    store.answer('q1_1', ['a']);
    tracker.finish();
    const lowered = sets.filter(([el]) => /^cmi\.objectives\.0\.(status|success_status|completion_status|score\.raw|score\.scaled)$/.test(el));
    expect(lowered).toEqual([]);
  });

  it('SCORM 2004: an answer after a reset is appended, never written over an earlier interaction', () => {
    const { api, sets } = lms(scorm2004, { 'cmi.interactions.0.id': 'q1_1', 'cmi.interactions.0.type': 'choice', 'cmi.interactions.0.timestamp': '2026-01-01T00:00:00.00Z', 'cmi.suspend_data': 'garbage' });
    const tracker = createScormTracker(scorm2004, api, course, { schedule: now, log: () => {} });
    const store = createStore(course, tracker, '');
    store.answer('q1_1', ['a']);
    tracker.finish();
    expect(sets.filter(([el]) => el.startsWith('cmi.interactions.0.'))).toEqual([]);
    expect(sets.find(([el]) => el === 'cmi.interactions.1.id')).toEqual(['cmi.interactions.1.id', 'q1_1']);
  });
});

describe('content labels and the source typos (item 12)', () => {
  const allText = () => {
    const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
    const files = ['course.yaml', 'checklist.yaml', ...readdirSync('content/pages').map((f: string) => `pages/${f}`), ...readdirSync('content/stories').map((f: string) => `stories/${f}`)];
    return files.map((f) => readFileSync(`content/${f}`, 'utf8')).join('\n');
  };

  it('the stronger measures carry the course\'s own mapping, never under the source\'s 【基準該当箇所】', () => {
    const stronger = course.pages.filter((p) => p.group === 'stronger');
    expect(stronger.length).toBe(3);
    for (const page of stronger) {
      const refs = course.checklistRefs[page.id] ?? page.refs;
      expect(refs?.criteria ?? []).toEqual([]);
      expect(refs?.related?.length).toBeGreaterThan(0);
    }
  });

  it('the menu\'s description speaks as the course about itself, not as the source about its audience', () => {
    expect(course.meta.description).toMatch(/^この研修は/);
    expect(course.meta.description).not.toMatch(/を対象に/);
  });

  it.each([
    ['委縮', '萎縮'],
    ['違和感を感じ', '違和感を覚え'],
    ['取れてなくても', '取れていなくても'],
    ['未然防止する', '未然に防止する'],
    ['事業推進を進める', '事業を推進する'],
    ['に参照ください', 'ご参照ください'],
    ['利用の度', '利用のたび'],
    ['立ち入り制限', '立入制限'],
  ])('the source typo 「%s」 is not carried into the course', (typo, fixed) => {
    const text = allText();
    expect(text).not.toContain(typo);
    if (fixed) expect(text).toContain(fixed);
  });
});
