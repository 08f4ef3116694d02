// The CMI sync on its own: from what the LMS holds and the course's state, the
// writes in order, for both versions. An "LMS" here is a loop that takes every
// write but the ones a test refuses; the expected elements and values are
// written out from the SCORM data model, not taken from the code under test.
import { describe, expect, it } from 'vitest';
import { accept, nextWrite, unsettled, type LmsRecord, type Outgoing, type Target } from '../../src/tracking/cmi-sync.ts';
import { answerReport } from '../../src/tracking/report.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import type { Dialect } from '../../src/tracking/dialect.ts';
import { evaluate } from '../../src/model/progress.ts';
import { answerQuiz, emptyState, visitPage, type LearnerState } from '../../src/model/state.ts';
import { realCourse, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const story1 = course.stories[0];
const at = new Date(Date.UTC(2026, 0, 5, 9, 30));

const record = (held: Record<string, string> = {}, objectives: string[] = [], interactions = 0): LmsRecord => ({
  held: new Map(Object.entries(held)),
  nextInteraction: interactions,
  nextObjective: objectives.length,
  objectiveIndex: new Map(objectives.map((id, n) => [id, n])),
  tail: [],
});
const target = (state: LearnerState): Target => ({
  course,
  snapshot: { suspendData: `state-${Object.keys(state.answers).length}`, location: '/p/m_access', progress: evaluate(course, state), state },
  lmsJudges: false,
});
const outgoing = (quizId: string, selection: string): Outgoing => ({
  answer: answerReport(course, quizId, quizId, selection, selection === SEED_KEYS[quizId], 12, at),
  accepted: new Set(),
});
const answered = (quizIds: string[], right = true) =>
  quizIds.reduce((s, id) => answerQuiz(course, s, id, [...(right ? SEED_KEYS[id] : wrong(id))]), emptyState());
function wrong(quizId: string): string {
  const ids = course.quizzes.find((q) => q.id === quizId)!.choices.map((c) => c.id);
  return ids.find((id) => !SEED_KEYS[quizId].includes(id)) ?? ids[0];
}

/** Runs the sync against an LMS that accepts all but `refuse`; returns the elements and values it took, in order. */
function sync(dialect: Dialect, known: LmsRecord, outbox: Outgoing[], to: Target | undefined, refuse: (element: string) => boolean = () => false) {
  const taken: Array<[string, string]> = [];
  const refused = new Set<string>();
  for (let n = 0; n < 1000; n++) {
    const write = nextWrite(dialect, known, outbox, to, (el) => refused.has(el));
    if (!write) return { taken, refused: [...refused] };
    if (refuse(write.element)) refused.add(write.element);
    else {
      accept(known, write);
      taken.push([write.element, write.value]);
    }
  }
  throw new Error('the sync never ran out of writes');
}

describe.each([
  { dialect: scorm12, status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', suspend: 'cmi.suspend_data', response: 'student_response' },
  { dialect: scorm2004, status: 'cmi.success_status', raw: 'cmi.score.raw', suspend: 'cmi.suspend_data', response: 'learner_response' },
])('CMI sync, SCORM $dialect.version', ({ dialect, status, raw, suspend, response }) => {
  it('answers first, oldest first, at the next free index; then objectives; then the course; each value once', () => {
    const state = answered(['q1_1', 'q1_2']);
    const known = record({}, [], 3);
    const outbox = [outgoing('q1_1', SEED_KEYS.q1_1), outgoing('q1_2', SEED_KEYS.q1_2)];
    const { taken } = sync(dialect, known, outbox, target(state));
    const elements = taken.map(([el]) => el);
    const firstOf = (prefix: string) => elements.findIndex((el) => el.startsWith(prefix));
    expect(taken[0]).toEqual(['cmi.interactions.3.id', 'q1_1']);
    expect(firstOf('cmi.interactions.4.')).toBeGreaterThan(elements.lastIndexOf('cmi.interactions.3.result'));
    expect(elements.filter((el) => el.startsWith('cmi.interactions.')).every((el) => /^cmi\.interactions\.[34]\./.test(el))).toBe(true);
    expect(firstOf('cmi.objectives.')).toBeGreaterThan(elements.lastIndexOf('cmi.interactions.4.result'));
    expect(taken).toContainEqual(['cmi.objectives.0.id', story1.id]);
    expect(firstOf(status)).toBeGreaterThan(firstOf('cmi.objectives.'));
    expect(taken).toContainEqual([`cmi.interactions.3.${response}`, dialect === scorm12 ? 'a,b,c' : 'a[,]b[,]c']);
    // 1.2 carries the last interactions written after the state (tail.ts): index:id:right:letters:latency in 1/100 s:time in base 36
    const time = at.getTime().toString(36);
    expect(taken).toContainEqual([suspend, dialect === scorm12 ? `state-2!3:q1_1:c:abc:1200:${time};4:q1_2:c:a:1200:${time}` : 'state-2']);
    expect(new Set(elements).size).toBe(elements.length);
    expect(known.nextInteraction).toBe(5);
    // all is sent: the same state again writes nothing
    expect(unsettled(dialect, outbox)).toEqual([]);
    expect(sync(dialect, known, [], target(state)).taken).toEqual([]);
  });

  it('an answer whose id is refused keeps no index and holds back the later ones; the retry writes both in order', () => {
    const state = answered(['q1_1', 'q1_2']);
    const known = record();
    const outbox = [outgoing('q1_1', SEED_KEYS.q1_1), outgoing('q1_2', SEED_KEYS.q1_2)];
    const first = sync(dialect, known, outbox, target(state), (el) => el === 'cmi.interactions.0.id');
    expect(first.refused).toEqual(['cmi.interactions.0.id']);
    expect(first.taken.some(([el]) => el.startsWith('cmi.interactions.'))).toBe(false);
    // the rest of the record goes on meanwhile
    expect(first.taken).toContainEqual([suspend, 'state-2']);
    expect(unsettled(dialect, outbox)).toHaveLength(2);
    const retry = sync(dialect, known, outbox, target(state));
    expect(retry.taken.filter(([el]) => el.endsWith('.id'))).toEqual([
      ['cmi.interactions.0.id', 'q1_1'],
      ['cmi.interactions.1.id', 'q1_2'],
    ]);
    expect(unsettled(dialect, outbox)).toEqual([]);
  });

  it('a refused field of an answer whose id was taken does not move it: the field goes to the same index later', () => {
    const known = record();
    const outbox = [outgoing('q1_1', SEED_KEYS.q1_1)];
    const resultEl = 'cmi.interactions.0.result';
    const first = sync(dialect, known, outbox, undefined, (el) => el === resultEl);
    expect(first.refused).toEqual([resultEl]);
    expect(unsettled(dialect, outbox)).toHaveLength(1);
    outbox.push(outgoing('q1_2', SEED_KEYS.q1_2));
    const retry = sync(dialect, known, outbox, undefined);
    // the answer's fields go on in their order at index 0, then the next answer takes index 1
    expect(retry.taken[0]).toEqual([resultEl, 'correct']);
    expect(retry.taken[1][0]).toBe('cmi.interactions.0.latency');
    expect(retry.taken[2]).toEqual(['cmi.interactions.1.id', 'q1_2']);
    expect(first.taken.some(([el]) => el === 'cmi.interactions.0.latency')).toBe(false);
  });

  it('a pass and a score the LMS holds are never written lower', () => {
    const held: Record<string, string> = dialect === scorm12 ? { [status]: 'passed', [raw]: '100' } : { [status]: 'passed', 'cmi.completion_status': 'completed', [raw]: '100', 'cmi.score.scaled': '1' };
    const state = answered(['q1_1'], false);
    const { taken } = sync(dialect, record(held), [], target(state));
    const elements = taken.map(([el]) => el);
    expect(elements).not.toContain(status);
    expect(elements).not.toContain(raw);
    expect(elements).not.toContain('cmi.completion_status');
    expect(elements).not.toContain('cmi.score.scaled');
    expect(taken).toContainEqual([suspend, 'state-1']);
  });

  it('an objective the LMS holds keeps its index and its better status and score; a new one is appended after it', () => {
    const objective: Record<string, string> = dialect === scorm12 ? { 'cmi.objectives.0.status': 'passed', 'cmi.objectives.0.score.raw': '100' } : { 'cmi.objectives.0.success_status': 'passed', 'cmi.objectives.0.score.raw': '100' };
    const state = answered(['q1_1', 'q2_1'], false);
    const { taken } = sync(dialect, record(objective, [story1.id]), [], target(state));
    const elements = taken.map(([el]) => el);
    expect(elements).not.toContain('cmi.objectives.0.id');
    for (const el of Object.keys(objective)) expect(elements).not.toContain(el);
    expect(taken).toContainEqual(['cmi.objectives.1.id', course.stories[1].id]);
  });

  it('an objective whose id is refused is not written at all, and the next one takes its place', () => {
    const state = answered(['q1_1', 'q2_1']);
    const known = record();
    const { taken } = sync(dialect, known, [], target(state), (el) => el === 'cmi.objectives.0.id');
    // the first story's id was refused at 0; the second story's id was offered at 0 too, and refused with it
    expect(taken.some(([el]) => el.startsWith('cmi.objectives.'))).toBe(false);
    expect(known.nextObjective).toBe(0);
    const retry = sync(dialect, known, [], target(state));
    expect(retry.taken.filter(([el]) => el.endsWith('.id'))).toEqual([
      ['cmi.objectives.0.id', story1.id],
      ['cmi.objectives.1.id', course.stories[1].id],
    ]);
  });

  it('nothing is scored before the first answer, and no objective is reported for an untouched story', () => {
    const state = visitPage(emptyState(), course.pages[0].id);
    const { taken } = sync(dialect, record(), [], target(state));
    const elements = taken.map(([el]) => el);
    expect(elements).not.toContain(raw);
    expect(elements.some((el) => el.startsWith('cmi.objectives.'))).toBe(false);
    expect(elements).toContain(status);
  });
});
