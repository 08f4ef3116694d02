// Quiz scoring. Every quiz is multiple response: an answer is correct only when
// the chosen set equals the key — no partial credit.
import type { Course, Quiz } from '../content/types.ts';

/** Sorted, de-duplicated choice letters that exist in the quiz. */
export function normalizeSelection(quiz: Quiz, choices: Iterable<string>): string {
  const valid = new Set(quiz.choices.map((c) => c.id));
  return [...new Set(choices)].filter((c) => valid.has(c)).sort().join('');
}

export function answerKey(quiz: Quiz): string {
  return quiz.choices.filter((c) => c.correct).map((c) => c.id).sort().join('');
}

export function isCorrect(quiz: Quiz, selection: string): boolean {
  return normalizeSelection(quiz, selection) === answerKey(quiz);
}

/**
 * Course score 0–100: the best attempt of each story, summed over all quizzes.
 * Floored, so that "score ≥ pass mark" means the same on screen, in the LMS and
 * in the completion rule.
 */
export function scorePercent(course: Course, bestByStory: Record<string, { best: number }>): number {
  const total = course.quizzes.length;
  if (total === 0) return 0;
  const correct = course.stories.reduce((sum, s) => sum + Math.min(bestByStory[s.id]?.best ?? 0, s.quizzes.length), 0);
  return Math.floor((correct * 100) / total);
}
