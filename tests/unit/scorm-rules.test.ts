// Status, score and objective rules in each version's words: never lowering a
// record, the status styles, mastery from the LMS; and the host's strict checks.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../scripts/lms-host/checks.ts';
import { evaluate } from '../../src/model/progress.ts';
import { answerQuiz, emptyState, retryStory, type LearnerState } from '../../src/model/state.ts';
import { percentFromScaled } from '../../src/tracking/launch.ts';
import { courseReport, objectiveReports, type CmiWrite } from '../../src/tracking/report.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import { realCourse, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const asMap = (writes: CmiWrite[]) => new Map<string, string>(writes);
const allRight = (): LearnerState => {
  let s: LearnerState = { ...emptyState(), visited: course.pages.map((p) => p.id) };
  for (const q of course.quizzes) s = answerQuiz(course, s, q.id, SEED_KEYS[q.id]);
  return s;
};
const report = (state: LearnerState, c = course) => courseReport(evaluate(c, state), 'x', '/');

describe('course status in each version', () => {
  it.each([false, true])('passed (LMS pass mark: %s): 1.2 passed; 2004 completed + passed, with raw, min, max and scaled; exit stays suspend', (judges) => {
    const w12 = asMap(scorm12.courseWrites(report(allRight()), new Map(), judges));
    expect([w12.get('cmi.core.lesson_status'), w12.get('cmi.core.score.raw'), w12.get('cmi.core.score.min'), w12.get('cmi.core.score.max'), w12.get('cmi.core.exit')]).toEqual(['passed', '100', '0', '100', 'suspend']);
    const w04 = asMap(scorm2004.courseWrites(report(allRight()), new Map(), judges));
    expect([w04.get('cmi.completion_status'), w04.get('cmi.success_status'), w04.get('cmi.score.scaled'), w04.get('cmi.score.raw'), w04.get('cmi.exit'), w04.get('cmi.progress_measure')]).toEqual(['completed', 'passed', '1', '100', 'suspend', '1']);
  });

  it.each([false, true])('unfinished (LMS pass mark: %s): incomplete, resumable exit, no score before the first answer; 2004 success stays unknown', (judges) => {
    const w12 = asMap(scorm12.courseWrites(report(emptyState()), new Map(), judges));
    expect([w12.get('cmi.core.lesson_status'), w12.get('cmi.core.exit')]).toEqual(['incomplete', 'suspend']);
    for (const el of ['cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max']) expect(w12.has(el), el).toBe(false);
    const w04 = asMap(scorm2004.courseWrites(report(emptyState()), new Map(), judges));
    expect([w04.get('cmi.completion_status'), w04.get('cmi.success_status'), w04.get('cmi.exit')]).toEqual(['incomplete', 'unknown', 'suspend']);
    for (const el of ['cmi.score.raw', 'cmi.score.scaled', 'cmi.score.min', 'cmi.score.max']) expect(w04.has(el), el).toBe(false);
  });

  it('a score the LMS judges by waits for the verdict: every quiz right but pages unread', () => {
    let s = emptyState();
    for (const q of course.quizzes) s = answerQuiz(course, s, q.id, SEED_KEYS[q.id]);
    // with a pass mark of its own the LMS would make 100 points "passed" (1.2) or a low scaled "failed" (2004)
    const judged12 = asMap(scorm12.courseWrites(report(s), new Map(), true));
    expect([judged12.get('cmi.core.lesson_status'), judged12.has('cmi.core.score.raw')]).toEqual(['incomplete', false]);
    const judged04 = asMap(scorm2004.courseWrites(report(s), new Map(), true));
    expect([judged04.get('cmi.success_status'), judged04.has('cmi.score.scaled'), judged04.get('cmi.score.raw')]).toEqual(['unknown', false, '100']);
    // without one, the score so far is reported for HR
    expect(asMap(scorm12.courseWrites(report(s), new Map(), false)).get('cmi.core.score.raw')).toBe('100');
    expect(asMap(scorm2004.courseWrites(report(s), new Map(), false)).get('cmi.score.scaled')).toBe('1');
  });

  it('passed/failed style: every story finished below the mark reports failed', () => {
    const strict = { ...course, meta: { ...course.meta, statusStyle: 'passed-failed' as const } };
    let s: LearnerState = { ...emptyState(), visited: course.pages.map((p) => p.id) };
    for (const q of course.quizzes) s = answerQuiz(course, s, q.id, q.choices.find((c) => !SEED_KEYS[q.id].includes(c.id))?.id ?? 'a');
    const failed12 = asMap(scorm12.courseWrites(report(s, strict), new Map(), true));
    expect([failed12.get('cmi.core.lesson_status'), failed12.get('cmi.core.score.raw')]).toEqual(['failed', '0']);
    const failed04 = asMap(scorm2004.courseWrites(report(s, strict), new Map(), true));
    expect([failed04.get('cmi.success_status'), failed04.get('cmi.score.scaled')]).toEqual(['failed', '0']);
    expect(asMap(scorm12.courseWrites(report(s), new Map(), true)).get('cmi.core.lesson_status')).toBe('incomplete');
  });

  it('never downgrades: a held pass and a higher score are left alone', () => {
    const held12 = new Map([['cmi.core.lesson_status', 'passed'], ['cmi.core.score.raw', '95']]);
    // one quiz answered: a score of 5 to offer against the held 95
    const some = answerQuiz(course, emptyState(), course.quizzes[0].id, SEED_KEYS[course.quizzes[0].id]);
    const w12 = asMap(scorm12.courseWrites(report(some), held12, false));
    expect(w12.has('cmi.core.lesson_status')).toBe(false);
    expect(w12.has('cmi.core.score.raw')).toBe(false);
    const held04 = new Map([['cmi.completion_status', 'completed'], ['cmi.success_status', 'passed'], ['cmi.score.raw', '95'], ['cmi.score.scaled', '0.95'], ['cmi.progress_measure', '1']]);
    const w04 = asMap(scorm2004.courseWrites(report(some), held04, false));
    for (const el of held04.keys()) expect(w04.has(el), el).toBe(false);
  });

  it('a held incomplete or a lower score is updated', () => {
    const w = asMap(scorm12.courseWrites(report(allRight()), new Map([['cmi.core.lesson_status', 'incomplete'], ['cmi.core.score.raw', '40']]), false));
    expect([w.get('cmi.core.lesson_status'), w.get('cmi.core.score.raw')]).toEqual(['passed', '100']);
  });

  it('a 1.2 state too long for suspend_data or location is not sent (the mirror keeps it)', () => {
    const r = { ...report(emptyState()), suspendData: 'x'.repeat(4097), location: 'y'.repeat(256) };
    const w = asMap(scorm12.courseWrites(r, new Map(), false));
    expect(w.has('cmi.suspend_data')).toBe(false);
    expect(w.has('cmi.core.lesson_location')).toBe(false);
  });
});

describe('objectives per story', () => {
  it('only begun stories; score is the best attempt; a retry keeps the story finished', () => {
    let s = answerQuiz(course, emptyState(), 'q1_1', SEED_KEYS.q1_1);
    expect(objectiveReports(course, s, 80, 'passed-incomplete')).toEqual([{ id: 'story1', score: 33, finished: false, success: 'unknown' }]);
    s = answerQuiz(course, s, 'q1_2', SEED_KEYS.q1_2);
    s = answerQuiz(course, s, 'q1_3', SEED_KEYS.q1_3);
    s = retryStory(course, s, 'story1');
    expect(objectiveReports(course, s, 80, 'passed-incomplete')).toEqual([{ id: 'story1', score: 100, finished: true, success: 'passed' }]);
    const [o] = objectiveReports(course, s, 80, 'passed-incomplete');
    expect(new Map(scorm12.objectiveWrites(0, o, true)).get('cmi.objectives.0.status')).toBe('passed');
    expect(scorm12.objectiveWrites(0, o, true)[0]).toEqual(['cmi.objectives.0.id', 'story1']);
    expect(scorm2004.objectiveWrites(3, o, false).some(([el]) => el.endsWith('.id'))).toBe(false);
  });
});

describe('mastery from the LMS', () => {
  it('2004 scaled_passing_score becomes a whole percent, rounded up', () => {
    expect(percentFromScaled(0.8)).toBe(80);
    expect(percentFromScaled(0.805)).toBe(81);
    expect(percentFromScaled(1.5)).toBe(100);
  });

  it('readLaunch takes mastery_score, mode, learner and what the LMS holds', () => {
    const cmi: Record<string, string> = { 'cmi.student_data.mastery_score': '70', 'cmi.core.lesson_mode': 'review', 'cmi.core.student_id': 'u1', 'cmi.core.lesson_status': 'passed', 'cmi.interactions._count': '4', 'cmi.objectives._count': '1', 'cmi.objectives.0.id': 'story2' };
    const launch = scorm12.readLaunch((el) => cmi[el] ?? '');
    expect([launch.passMark, launch.mode, launch.learnerId, launch.passed, launch.interactionCount]).toEqual([70, 'review', 'u1', true, 4]);
    expect([...launch.objectiveIndex]).toEqual([['story2', 0]]);
  });
});

describe('host checks', () => {
  const run = (version: '1.2' | '2004', calls: Array<[string, string[], string]>) => {
    const checker = createChecker(version);
    return calls.flatMap(([m, args, result]) => checker.check(m, args, result, false));
  };

  it('a clean 1.2 session has no violations', () => {
    expect(run('1.2', [['LMSInitialize', [''], 'true'], ['LMSSetValue', ['cmi.core.session_time', '0000:01:00.00'], 'true'], ['LMSSetValue', ['cmi.interactions.0.id', 'q1_1'], 'true'], ['LMSFinish', [''], 'true']])).toEqual([]);
  });

  it('flags what scorm-again lets through', () => {
    const v = run('1.2', [
      ['LMSInitialize', [''], 'true'],
      ['LMSSetValue', ['cmi.suspend_data', 'x'.repeat(4097)], 'true'],
      ['LMSSetValue', ['cmi.core.lesson_location', 'y'.repeat(256)], 'true'],
      ['LMSSetValue', ['cmi.core.session_time', '0:05:00'], 'true'],
      ['LMSSetValue', ['cmi.interactions.1.id', 'q 1'], 'true'],
      ['LMSCommit', [''], 'false'],
      ['LMSFinish', [''], 'true'],
      ['LMSGetValue', ['cmi.core.lesson_status'], 'passed'],
    ]);
    expect(v).toHaveLength(7);
    expect(v.join('\n')).toMatch(/over 4096[\s\S]*over 255[\s\S]*CMITimespan[\s\S]*skips ahead[\s\S]*interaction id[\s\S]*returned "false"[\s\S]*after LMSFinish/);
  });

  it('flags 2004 responses before the type, hyphenated tokens and three-decimal times', () => {
    const v = run('2004', [
      ['Initialize', [''], 'true'],
      ['SetValue', ['cmi.interactions.0.id', 'q1_1'], 'true'],
      ['SetValue', ['cmi.interactions.0.learner_response', 'opt-a'], 'true'],
      ['SetValue', ['cmi.session_time', 'PT3.456S'], 'true'],
      ['SetValue', ['cmi.objectives.0.id', 'story1'], 'true'],
      ['SetValue', ['cmi.objectives.0.id', 'story2'], 'true'],
    ]);
    expect(v.join('\n')).toMatch(/before the type[\s\S]*\[\\w\.\][\s\S]*timeinterval[\s\S]*write-once/);
  });
});
