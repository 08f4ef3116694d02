import { describe, expect, it } from 'vitest';
import { answerKey, isCorrect, normalizeSelection, scorePercent } from '../../src/model/scoring.ts';
import { answerQuiz, emptyState, markPassed, openDrafts, retryStory, visitPage, type LearnerState } from '../../src/model/state.ts';
import { evaluate } from '../../src/model/progress.ts';
import type { Course } from '../../src/content/types.ts';
import { realCourse, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const quiz = (id: string) => course.quizzes.find((q) => q.id === id)!;

function answerAll(c: Course, keys: (id: string) => string, s: LearnerState = emptyState()): LearnerState {
  return c.quizzes.reduce((acc, q) => answerQuiz(c, acc, q.id, keys(q.id).split('')), s);
}
const wrong = (id: string) => {
  const q = quiz(id);
  const key = answerKey(q);
  // a selection that differs from the key: flip the first choice
  const first = q.choices[0].id;
  return key.includes(first) ? key.replace(first, '') || q.choices.map((c) => c.id).filter((c) => c !== first).join('') : key + first;
};
const visitAll = (s: LearnerState) => course.pages.reduce((acc, p) => visitPage(acc, p.id), s);

describe('scoring', () => {
  it('the content key equals the seed key for every quiz', () => {
    expect(Object.fromEntries(course.quizzes.map((q) => [q.id, answerKey(q)]))).toEqual(SEED_KEYS);
  });

  it('is correct only when the chosen set equals the key', () => {
    const q = quiz('q3_1'); // key a,c
    expect(isCorrect(q, 'ac')).toBe(true);
    expect(isCorrect(q, 'ca')).toBe(true);
    expect(isCorrect(q, 'a')).toBe(false); // a subset earns nothing
    expect(isCorrect(q, 'abc')).toBe(false); // a superset earns nothing
    expect(isCorrect(q, '')).toBe(false);
  });

  it('normalises a selection: sorted, unique, only existing choices', () => {
    expect(normalizeSelection(quiz('q1_2'), ['c', 'a', 'c', 'z'])).toBe('ac');
  });

  it('floors the percentage so that the pass check agrees everywhere', () => {
    const stories = Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length }]));
    expect(scorePercent(course, stories)).toBe(100);
    // 15 of 19 = 78.9… → 78; 16 of 19 = 84.2… → 84
    expect(scorePercent(course, { ...stories, story4: { best: 0 }, story1: { best: 2 } })).toBe(Math.floor((15 * 100) / 19));
    expect(scorePercent(course, {})).toBe(0);
  });
});

describe('learner state', () => {
  it('keeps the first answer to a quiz within an attempt', () => {
    const once = answerQuiz(course, emptyState(), 'q1_2', ['b']);
    const twice = answerQuiz(course, once, 'q1_2', ['a']);
    expect(twice.answers.q1_2).toBe('b');
  });

  it('refuses an empty answer', () => {
    expect(() => answerQuiz(course, emptyState(), 'q1_2', [])).toThrow(/at least one choice/);
  });

  it('a retry clears the story answers and keeps the best result', () => {
    let s = answerAll(course, (id) => SEED_KEYS[id]);
    expect(s.stories.story1).toEqual({ best: 3, attempts: 1 });
    s = retryStory(course, s, 'story1');
    expect(s.answers.q1_1).toBeUndefined();
    expect(s.answers.q2_1).toBe('a');
    s = answerQuiz(course, s, 'q1_1', ['a']); // wrong this time
    expect(s.stories.story1).toEqual({ best: 3, attempts: 2 });
    expect(evaluate(course, s).score).toBe(100);
  });

  it('counts a retried story whole among the answered quizzes, as its best attempt counts in the score', () => {
    let s = answerQuiz(course, answerQuiz(course, emptyState(), 'q1_1', ['a']), 'q2_1', ['a']);
    expect(evaluate(course, s).quizzesAnswered).toBe(2);
    s = answerAll(course, (id) => SEED_KEYS[id]);
    s = retryStory(course, s, 'story1');
    s = answerQuiz(course, s, 'q1_1', ['a']);
    // 19 answered once, 100 points: not 17 of 19 beside 100 points
    expect(evaluate(course, s)).toMatchObject({ quizzesAnswered: 19, quizzesTotal: 19, score: 100 });
  });
});

describe('ticks not yet answered', () => {
  it('keep only quizzes of the course not answered, each as a sorted selection of its own choices', () => {
    const state = answerQuiz(course, emptyState(), 'q1_1', ['a']);
    const kept = openDrafts(course, state, {
      q1_2: 'ca', // unsorted
      q1_1: 'b', // answered since: its ticks go
      q9_9: 'a', // no such quiz
      q1_3: 'az', // z is no choice of it
      q2_1: 'zz', // nothing of it left
      q2_2: 3, // not a selection
      q2_3: '',
    });
    expect(kept).toEqual({ q1_2: 'ac', q1_3: 'a' });
  });

  it('of an answered quiz are dropped; once a retry clears the answer the quiz takes ticks again', () => {
    const answered = answerAll(course, (id) => SEED_KEYS[id]);
    expect(openDrafts(course, answered, { q1_1: 'a' })).toEqual({});
    expect(openDrafts(course, retryStory(course, answered, 'story1'), { q1_1: 'a' })).toEqual({ q1_1: 'a' });
  });
});

describe('completion and status', () => {
  it('passes with every page visited and every quiz right', () => {
    const p = evaluate(course, visitAll(answerAll(course, (id) => SEED_KEYS[id])));
    expect(p).toMatchObject({ score: 100, scorePassed: true, complete: true, status: 'passed', measure: 1 });
  });

  it('stays incomplete until every page is visited, even with full marks', () => {
    const p = evaluate(course, answerAll(course, (id) => SEED_KEYS[id]));
    expect(p.status).toBe('incomplete');
    expect(p.complete).toBe(false);
  });

  it('with the default style a low score is incomplete, never failed', () => {
    const p = evaluate(course, visitAll(answerAll(course, wrong)));
    expect(p.score).toBe(0);
    expect(p.status).toBe('incomplete');
  });

  it('with the passed/failed style a finished, low-scoring learner has failed', () => {
    const strict: Course = { ...course, meta: { ...course.meta, statusStyle: 'passed-failed' } };
    const unfinished = evaluate(strict, visitAll(answerQuiz(strict, emptyState(), 'q1_1', ['a'])));
    expect(unfinished.status).toBe('incomplete');
    expect(evaluate(strict, visitAll(answerAll(strict, wrong))).status).toBe('failed');
  });

  it('never lowers a recorded pass', () => {
    const s = markPassed(emptyState(), new Date(2026, 11, 2, 23, 59));
    expect(evaluate(course, s).status).toBe('passed');
  });

  it('keeps the day of the first pass: a later pass does not move it', () => {
    const first = markPassed(emptyState(), new Date(2026, 11, 2, 23, 59));
    expect(first.completedOn).toBe('20261202');
    expect(markPassed(first, new Date(2027, 0, 15)).completedOn).toBe('20261202');
    // a pass the LMS held before this browser knew a day gets the day it is first seen
    expect(markPassed({ ...emptyState(), passed: true }, new Date(2027, 0, 15)).completedOn).toBe('20270115');
  });

  it('uses the mastery score from the LMS instead of the pass mark', () => {
    // 16 of 19 right = 84 points
    const keys = (id: string) => (['q4_1', 'q4_2', 'q4_3'].includes(id) ? wrong(id) : SEED_KEYS[id]);
    const s = visitAll(answerAll(course, keys));
    expect(evaluate(course, s).status).toBe('passed');
    expect(evaluate(course, s, { passMark: 90 }).status).toBe('incomplete');
  });

  it('counts the checklist only when the completion rule asks for it', () => {
    const withChecklist: Course = { ...course, meta: { ...course.meta, completion: { ...course.meta.completion, checklist: true } } };
    const s = visitAll(answerAll(course, (id) => SEED_KEYS[id]));
    expect(evaluate(course, s, { checklistTotal: 5 }).status).toBe('passed');
    expect(evaluate(withChecklist, s, { checklistTotal: 5 }).status).toBe('incomplete');
  });
});
