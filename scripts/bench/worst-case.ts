// The resume state the codec test and `npm run bench` both measure: tooling
// and tests share it from here, since build tooling imports nothing from tests/.
import { routePath, type Route } from '../../src/app/routes.ts';
import type { Course } from '../../src/content/types.ts';
import { CHECKLIST_ANSWERS, type LearnerState } from '../../src/model/state.ts';

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
