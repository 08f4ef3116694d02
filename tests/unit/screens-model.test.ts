// The pure logic behind the welcome, menu, result and completion screens.
import { describe, expect, it } from 'vitest';
import { completionRule, nextSection, quizAfter, quizzesCounted, quizzesLeftToPass, quizzesToPass, storiesToImprove, unreadPages } from '../../src/model/path.ts';
import { estimateMinutes, textLength } from '../../src/model/estimate.ts';
import { certificateData, cleanName, displayName } from '../../src/model/certificate.ts';
import { dayStamp, dayOf } from '../../src/model/day.ts';
import { answerQuiz, emptyState, retryStory, visitPage, type LearnerState } from '../../src/model/state.ts';
import { decodeState, encodeState } from '../../src/model/codec.ts';
import { codecIds } from '../../src/app/store.ts';
import { placeOf, resumeRoute } from '../../src/views/place.ts';
import { evaluate } from '../../src/model/progress.ts';
import { realCourse, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const wrong = (id: string) => (SEED_KEYS[id] === 'a' ? 'b' : 'a');

describe('the pass rule in numbers', () => {
  it('needs the fewest right answers whose floored percentage reaches the mark', () => {
    // 15/19 = 78.9 → 78, 16/19 = 84.2 → 84
    expect(quizzesToPass(19, 80)).toBe(16);
    expect(quizzesToPass(20, 80)).toBe(16);
    expect(quizzesToPass(19, 100)).toBe(19);
    expect(quizzesToPass(19, 0)).toBe(0);
    expect(quizzesToPass(3, 67)).toBe(3); // 2/3 = 66
    expect(quizzesToPass(10, 70)).toBe(7);
  });

  it('counts down with each right answer and holds at 0 once reached', () => {
    let s = emptyState();
    expect(quizzesLeftToPass(course, s, 80)).toBe(16);
    s = answerQuiz(course, s, 'q1_1', SEED_KEYS.q1_1);
    s = answerQuiz(course, s, 'q1_2', wrong('q1_2'));
    expect(quizzesLeftToPass(course, s, 80)).toBe(15);
    for (const q of course.quizzes) if (s.answers[q.id] === undefined) s = answerQuiz(course, s, q.id, SEED_KEYS[q.id]);
    expect(quizzesCounted(course, s)).toBe(18);
    expect(quizzesLeftToPass(course, s, 80)).toBe(0);
    expect(evaluate(course, s).quizzesToPass).toBe(0);
  });

  it('counts the best attempt of a story, as the score does: a worse retry changes nothing', () => {
    let s = emptyState();
    for (const q of course.stories[0].quizzes) s = answerQuiz(course, s, q, SEED_KEYS[q]);
    expect(quizzesLeftToPass(course, s, 80)).toBe(13);
    s = retryStory(course, s, 'story1');
    for (const q of course.stories[0].quizzes) s = answerQuiz(course, s, q, wrong(q));
    expect(quizzesLeftToPass(course, s, 80)).toBe(13);
    expect(evaluate(course, s, { passMark: 60 }).quizzesToPass).toBe(12 - 3);
  });
});

describe('the learner’s path', () => {
  it('lists unread pages in reading order', () => {
    const order = course.sections.flatMap((s) => s.pages);
    expect(unreadPages(course, emptyState())).toEqual(order);
    const s = visitPage(visitPage(emptyState(), order[3]), order[0]);
    expect(unreadPages(course, s)).toEqual(order.filter((_, i) => i !== 0 && i !== 3));
  });

  it('lists only the pages completion asks for: the areas course.yaml names, none when pages do not count', () => {
    const completion = course.meta.completion;
    const only = { ...course, meta: { ...course.meta, completion: { ...completion, sections: ['check', 'measures'] } } };
    const wanted = [...course.sections[0].pages, ...course.sections.find((s) => s.id === 'measures')!.pages];
    expect(unreadPages(only, emptyState())).toEqual(wanted);
    // every counted page read: nothing left to list, though the other areas' pages are unread
    expect(unreadPages(only, { ...emptyState(), visited: wanted })).toEqual([]);
    const noPages = { ...course, meta: { ...course.meta, completion: { ...completion, allPages: false } } };
    expect(unreadPages(noPages, emptyState())).toEqual([]);
  });

  it('states the completion rule one line per condition course.yaml sets, in its numbers', () => {
    const completion = course.meta.completion;
    const totals = { pagesTotal: 18, quizzesTotal: 19, checklistTotal: 69, passMark: 80 };
    expect(completionRule(course, totals)).toEqual(['全18ページを開く', 'クイズ19問中16問以上に正解する（得点80点以上）']);
    // an LMS's mastery score of 50 asks for 10 of 19
    expect(completionRule(course, { ...totals, passMark: 50 })[1]).toBe('クイズ19問中10問以上に正解する（得点50点以上）');
    const sections = { ...course, meta: { ...course.meta, completion: { ...completion, sections: ['check', 'measures'], checklist: true } } };
    expect(completionRule(sections, { ...totals, pagesTotal: 15 })).toEqual([
      '「自社の対策状況チェック」「技術等情報管理に必要な対策」の全15ページを開く',
      'クイズ19問中16問以上に正解する（得点80点以上）',
      'チェックリストの全69項目に回答する',
    ]);
    const pagesOnly = { ...course, meta: { ...course.meta, completion: { ...completion, passingScore: false } } };
    expect(completionRule(pagesOnly, totals)).toEqual(['全18ページを開く']);
  });

  it('walks the sections in the menu’s order and stops after the last', () => {
    const ids = course.sections.map((s) => s.id);
    expect(ids.map((id) => nextSection(course, id)?.id)).toEqual([...ids.slice(1), undefined]);
    expect(nextSection(course, 'nowhere')).toBeUndefined();
  });

  it('names the saved place for 続きから, and offers none for the welcome screen itself', () => {
    expect(placeOf(course, { name: 'quiz', id: 'q3_5' })).toBe(`クイズ3-5　${course.quizzes.find((q) => q.id === 'q3_5')!.title}`);
    expect(placeOf(course, { name: 'page', id: 'm_access' })).toBe(course.pages.find((p) => p.id === 'm_access')!.title);
    expect(placeOf(course, { name: 'result', id: 'story2' })).toBe('ストーリー2の結果');
    expect(placeOf(course, { name: 'page', id: 'gone' })).toBe('メニュー');
    expect(resumeRoute('/q/q3_5')).toEqual({ name: 'quiz', id: 'q3_5' });
    expect(resumeRoute('')).toBeUndefined();
    expect(resumeRoute('/start')).toBeUndefined();
  });
});

describe('where the missing points are', () => {
  it('lists each story below full marks with the way on: not started, the next quiz of an attempt under way, or a retry of a finished one', () => {
    const story = (id: string) => course.stories.find((s) => s.id === id)!;
    let s = emptyState();
    for (const q of story('story1').quizzes) s = answerQuiz(course, s, q, [...SEED_KEYS[q]]);
    const [first, second] = story('story2').quizzes;
    s = answerQuiz(course, s, first, [...SEED_KEYS[first]]);
    for (const q of story('story3').quizzes) s = answerQuiz(course, s, q, q === story('story3').quizzes[0] ? [wrong(q)] : [...SEED_KEYS[q]]);
    const total = (id: string) => story(id).quizzes.length;
    expect(storiesToImprove(course, s)).toEqual([
      { storyId: 'story2', kind: 'inProgress', answered: 1, best: 1, total: total('story2'), next: second },
      { storyId: 'story3', kind: 'retry', answered: total('story3'), best: total('story3') - 1, total: total('story3') },
      { storyId: 'story4', kind: 'notStarted', answered: 0, best: 0, total: total('story4') },
    ]);
    // a retry just begun is under way at its first quiz, its best kept
    s = retryStory(course, s, 'story3');
    expect(storiesToImprove(course, s)[1]).toEqual({ storyId: 'story3', kind: 'inProgress', answered: 0, best: total('story3') - 1, total: total('story3'), next: story('story3').quizzes[0] });
  });
});

describe("a quiz's onward button", () => {
  const story4 = course.stories.find((s) => s.id === 'story4')!;
  const [q1, q2, q3] = story4.quizzes;
  const answering = { readOnly: false, justAnswered: true };
  const lookingBack = { readOnly: false, justAnswered: false };

  it('goes through the story in order and ends at the result', () => {
    let s = answerQuiz(course, emptyState(), q1, [...SEED_KEYS[q1]]);
    expect(quizAfter(story4, s, q1, answering)).toBe(q2);
    s = answerQuiz(course, s, q2, [...SEED_KEYS[q2]]);
    expect(quizAfter(story4, s, q2, answering)).toBe(q3);
    s = answerQuiz(course, s, q3, [...SEED_KEYS[q3]]);
    expect(quizAfter(story4, s, q3, answering)).toBeUndefined();
  });

  it('after a quiz answered out of order, leads to the ones left before the result', () => {
    // the last quiz first, from the story's list
    let s = answerQuiz(course, emptyState(), q3, [...SEED_KEYS[q3]]);
    expect(quizAfter(story4, s, q3, answering)).toBe(q1);
    // the middle one next: on to the first, still open
    s = answerQuiz(course, s, q2, [...SEED_KEYS[q2]]);
    expect(quizAfter(story4, s, q2, answering)).toBe(q1);
    s = answerQuiz(course, s, q1, [wrong(q1)]);
    expect(quizAfter(story4, s, q1, answering)).toBeUndefined();
  });

  it('looking back at answered quizzes goes in order; a look without answering never loops', () => {
    let s = emptyState();
    for (const q of story4.quizzes) s = answerQuiz(course, s, q, [...SEED_KEYS[q]]);
    expect(quizAfter(story4, s, q1, lookingBack)).toBe(q2);
    expect(quizAfter(story4, s, q3, lookingBack)).toBeUndefined();
    // an answered quiz reopened while others are open: on to the next open one
    const partly = answerQuiz(course, emptyState(), q1, [...SEED_KEYS[q1]]);
    expect(quizAfter(story4, partly, q1, lookingBack)).toBe(q2);
    const look = { readOnly: true, justAnswered: false };
    expect(story4.quizzes.map((q) => quizAfter(story4, emptyState(), q, look))).toEqual([q2, q3, undefined]);
  });
});

describe('所要時間', () => {
  it('counts visible characters only', () => {
    expect(textLength('<p>守る情報の <strong>決定</strong></p>\n')).toBe(7);
    expect(textLength('A&amp;B')).toBe(3);
  });

  it('reads 600–400 characters a minute and adds half a minute to a minute per quiz, in steps of 5 minutes', () => {
    // 12,000 characters: 20–30 minutes of reading; 10 quizzes: 5–10 minutes
    expect(estimateMinutes(12000, 10)).toEqual({ low: 25, high: 40 });
    expect(estimateMinutes(0, 0)).toEqual({ low: 5, high: 5 });
  });

  it('is computed into the compiled course from its own text', () => {
    const { low, high } = course.meta.estimate;
    expect(low).toBeGreaterThanOrEqual(5);
    expect(high).toBeGreaterThan(low);
    expect(low % 5).toBe(0);
    expect(high % 5).toBe(0);
  });
});

describe('the certificate', () => {
  it('turns the LMS’s "family, given" into 「姓 名」 and keeps other names as they are', () => {
    expect(displayName('山田, 花子')).toBe('山田 花子');
    expect(displayName('Doe, John')).toBe('Doe John');
    expect(displayName('研修 太郎')).toBe('研修 太郎');
    expect(displayName(' 佐藤 ,  一郎 ')).toBe('佐藤 一郎');
    expect(displayName('')).toBe('');
    expect(displayName(undefined)).toBe('');
    expect(cleanName('  研修　 花子 ')).toBe('研修 花子');
    expect(cleanName('x'.repeat(60))).toHaveLength(40);
  });

  it('dates in the learner’s own calendar', () => {
    expect(dayStamp(new Date(2026, 0, 5, 0, 1))).toBe('20260105');
    expect(dayOf('20261202')).toEqual({ year: 2026, month: 12, day: 2 });
    expect(dayOf('')).toBeUndefined();
  });

  it('carries the course’s title, version, score, date and the company when course.yaml names one', () => {
    const state: LearnerState = { ...emptyState(), passed: true, completedOn: '20261202' };
    expect(certificateData(course, state, 94, '山田 花子')).toEqual({
      name: '山田 花子',
      courseTitle: course.meta.title,
      version: course.meta.version,
      score: 94,
      date: { year: 2026, month: 12, day: 2 },
      company: undefined,
    });
    const withCompany = { ...course, meta: { ...course.meta, company: { name: ' 株式会社A ' } } };
    expect(certificateData(withCompany, state, 94, '').company).toBe('株式会社A');
  });

  it('keeps the completion day through the resume state, and reads older states without one', () => {
    const ids = codecIds(course);
    const state: LearnerState = { ...emptyState(), passed: true, completedOn: '20261202' };
    // the day rides in the flags field, before the stamp (36 ** 2 = 1296 → "100") and the attempt's beginning
    const text = encodeState(state, 1296, 36);
    expect(text.endsWith('~p20261202~100~10')).toBe(true);
    expect(decodeState(text, ids).completedOn).toBe('20261202');
    expect(decodeState(text, ids).passed).toBe(true);
    // states saved before the day was kept: version 1 (no stamp) and version 2 with a bare "p"
    for (const saved of ['1~~/~~~~p', '2~~/~~~~p~100']) {
      const old = decodeState(saved, ids);
      expect(old.passed).toBe(true);
      expect(old.completedOn).toBeUndefined();
    }
    expect(decodeState('2~~/~~~~~100', ids).passed).toBe(false);
    expect(() => decodeState('1~~/~~~~p2026', ids)).toThrow(/flags/);
    expect(() => decodeState('2~~/~~~~p2026~100', ids)).toThrow(/flags/);
    expect(() => encodeState({ ...state, completedOn: '2026-12-02' })).toThrow(/YYYYMMDD/);
  });
});
