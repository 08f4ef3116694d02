// The resume state the codec test and `npm run bench` both measure: tooling
// and tests share it from here, since build tooling imports nothing from tests/.
import { routePath, type Route } from '../../src/app/routes.ts';
import type { Course } from '../../src/content/types.ts';
import { CHECKLIST_ANSWERS, type LearnerState } from '../../src/model/state.ts';
import { interactionId, MAX_ATTEMPT_IN_ID } from '../../src/tracking/identifiers.ts';
import { answerReport } from '../../src/tracking/report.ts';
import { TAIL_LENGTH, type TailEntry } from '../../src/tracking/tail.ts';

/**
 * The save time and attempt start the worst case is encoded with: the last day
 * of this century, as long in base 36 (9 digits) as any time the course will see.
 */
export const WORST_CASE_TIME = Date.UTC(2099, 11, 31);

/**
 * The largest resume state the course can produce: every page visited, the
 * longest route as location, every quiz with all its choices ticked, every
 * story at its most attempts, every checklist item answered, a pass recorded
 * with its day.
 * The codec test and `npm run bench` both measure this one.
 */
export function worstCaseState(course: Course, checklist: readonly string[]): LearnerState {
  const routes: Route[] = [
    ...course.pages.map((p) => ({ name: 'page' as const, id: p.id })),
    ...course.stories.flatMap((s) => [{ name: 'story' as const, id: s.id }, { name: 'result' as const, id: s.id }]),
    ...course.quizzes.map((q) => ({ name: 'quiz' as const, id: q.id })),
    ...course.checklist.map((c) => ({ name: 'checklistArea' as const, id: c.area })),
    { name: 'checklistResult' },
  ];
  return {
    visited: course.pages.map((p) => p.id),
    location: routes.map(routePath).sort((a, b) => b.length - a.length)[0],
    answers: Object.fromEntries(course.quizzes.map((q) => [q.id, q.choices.map((c) => c.id).join('')])),
    stories: Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length, attempts: 999 }])),
    checklist: Object.fromEntries(checklist.map((id, i) => [id, CHECKLIST_ANSWERS[i % CHECKLIST_ANSWERS.length]])),
    passed: true,
    completedOn: '20261231',
  };
}

/**
 * The longest tail SCORM 1.2's suspend_data carries after the state
 * (src/tracking/tail.ts): the longest interaction id with every choice ticked,
 * at five-digit indexes, with the longest latency the tail keeps, as many as it keeps.
 */
export function worstCaseTail(course: Course): TailEntry[] {
  const quiz = [...course.quizzes].sort((a, b) => b.id.length - a.id.length || b.choices.length - a.choices.length)[0];
  const letters = quiz.choices.map((c) => c.id).join('');
  const answer = answerReport(course, quiz.id, interactionId(quiz.id, MAX_ATTEMPT_IN_ID), letters, false, 99_999_999.99, new Date(WORST_CASE_TIME));
  return Array.from({ length: TAIL_LENGTH }, (_, n) => ({ index: 99_999 - TAIL_LENGTH + 1 + n, answer }));
}
