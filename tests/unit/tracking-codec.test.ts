// The resume state's worst case, built from the real content, against SCORM
// 1.2's 4,096-character suspend_data: the target is 2,000 or less.
import { describe, expect, it } from 'vitest';
import { codecIds } from '../../src/app/store.ts';
import { CodecError, decodeState, encodeState } from '../../src/model/codec.ts';
import { keyCollisions } from '../../src/model/keys.ts';
import { emptyState, type LearnerState } from '../../src/model/state.ts';
import { SCORM12_SUSPEND_DATA_MAX } from '../../src/scorm/spec.ts';
import { realCourse } from './fixtures.ts';
import { WORST_CASE_TIME, worstCaseState, worstCaseTail } from '../../scripts/bench/worst-case.ts';
import { splitTail, withTail } from '../../src/tracking/tail.ts';

const course = realCourse();
/** the checklist issue adds about 80 items; generate 80 ids of its shape */
const checklist = Array.from({ length: 80 }, (_, i) => `c_item_${String(i + 1).padStart(2, '0')}_${['decide', 'access', 'physical', 'electronic'][i % 4]}`);
const ids = codecIds(course, checklist);
const worstCase = (): LearnerState => worstCaseState(course, checklist);

describe('resume state size', () => {
  it('the generated checklist ids get keys of their own', () => {
    expect(keyCollisions([...ids.pages, ...ids.quizzes, ...ids.stories, ...checklist])).toEqual([]);
  });

  it('the worst case (every page, every quiz with all choices, max attempts, 80 checklist items, the longest times) is ≤ 2,000 characters', () => {
    const encoded = encodeState(worstCase(), WORST_CASE_TIME, WORST_CASE_TIME);
    expect(encoded.split('~').slice(-2)).toEqual([WORST_CASE_TIME.toString(36), WORST_CASE_TIME.toString(36)]);
    expect(WORST_CASE_TIME.toString(36)).toHaveLength(9);
    expect(encoded.length).toBeLessThanOrEqual(2000);
    expect(encoded.length).toBeLessThan(SCORM12_SUSPEND_DATA_MAX / 2);
    // 1.2 carries the last four interactions after it (src/tracking/tail.ts): still within the target, and read back whole
    const withItsTail = withTail(encoded, worstCaseTail(course));
    expect(withItsTail.length).toBeLessThanOrEqual(2000);
    expect(splitTail(withItsTail, course).tail.map((e) => e.index)).toEqual([99_996, 99_997, 99_998, 99_999]);
    // printable ASCII only: no LMS has to escape or count bytes differently
    expect(encoded).toMatch(/^[\x21-\x7e]+$/);
  });

  it('the real checklist fits as well', () => {
    const real = codecIds(course, course.checklist.map((c) => c.id));
    const state = { ...worstCase(), checklist: Object.fromEntries(real.checklist.map((id) => [id, 'done' as const])) };
    expect(encodeState(state, WORST_CASE_TIME, WORST_CASE_TIME).length).toBeLessThanOrEqual(2000);
  });
});

describe('resume state round trip', () => {
  it('the worst case decodes to itself, attempts capped at the digit limit', () => {
    const state = worstCase();
    const back = decodeState(encodeState(state), ids);
    expect(back).toEqual({ ...state, stories: Object.fromEntries(Object.entries(state.stories).map(([id, r]) => [id, { ...r, attempts: 35 }])) });
  });

  it('an empty state and a partial one come back unchanged', () => {
    expect(decodeState(encodeState(emptyState()), ids)).toEqual(emptyState());
    const partial: LearnerState = {
      visited: ['check', 'm_access'],
      location: '/q/q3_10',
      answers: { q3_1: 'ac', q3_10: 'b' },
      stories: { story3: { best: 1, attempts: 2 } },
      checklist: { [checklist[3]]: 'na' },
      passed: false,
    };
    expect(decodeState(encodeState(partial), ids)).toEqual(partial);
  });

  it('foreign or damaged text is refused with a CodecError, never a crash', () => {
    for (const text of ['', '{"visited":[]}', '2~~~~~~', '1~ab~/~~~~', '1~~/~zzzz~~~', '1~~/~~~~x', '1~~bad location!~~~~'])
      expect(() => decodeState(text, ids), text).toThrow(CodecError);
  });
});
