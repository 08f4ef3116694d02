// What a SCORM LMS is told, before it is put into either version's words:
// pure functions from the course, the learner state and its progress.
import type { Course, StatusStyle } from '../content/types.ts';
import type { CourseStatus, Progress } from '../model/progress.ts';
import { answerKey } from '../model/scoring.ts';
import { isStoryFinished, type ChecklistAnswer, type LearnerState } from '../model/state.ts';
import { checklistDescription, interactionDescription } from './identifiers.ts';
import type { CmiElement } from '../scorm/spec.ts';

/** one write to the data model: element and value, in the order they must be set */
export type CmiWrite = readonly [element: CmiElement, value: string];

/** Where the course stands, in version-neutral terms. */
export interface CourseReport {
  status: CourseStatus;
  /** completion rule met */
  completed: boolean;
  /** passed / failed / undecided, after the status style is applied */
  success: 'passed' | 'failed' | 'unknown';
  /** 0–100 */
  score: number;
  /** at least one quiz answered: before that there is no score to report, not a score of 0 */
  scored: boolean;
  measure: number;
  location: string;
  suspendData: string;
}

export interface ObjectiveReport {
  /** the story id */
  id: string;
  /** that story's best attempt, 0–100 */
  score: number;
  /** every quiz of the story answered in some attempt */
  finished: boolean;
  success: 'passed' | 'failed' | 'unknown';
}

export interface AnswerReport {
  id: string;
  /** choice: a quiz answer; likert: a checklist answer, reported for HR and never scored */
  type: 'choice' | 'likert';
  /** choice: sorted choice letters; likert: the checklist answer (done, partial, not, na) */
  response: string;
  /** choice: the right letters; likert: none */
  pattern: string;
  correct: boolean;
  latencySeconds: number;
  at: Date;
  /** the quiz number and title, for 2004's description */
  description: string;
}

export function courseReport(progress: Progress, suspendData: string, location: string): CourseReport {
  const success = progress.status === 'passed' || progress.status === 'failed' ? progress.status : 'unknown';
  return {
    status: progress.status,
    completed: progress.completed,
    success,
    score: progress.score,
    scored: progress.quizzesAnswered > 0,
    measure: progress.measure,
    location,
    suspendData,
  };
}

/** One objective per story the learner has begun; untouched stories are not reported. */
export function objectiveReports(course: Course, state: LearnerState, passMark: number, style: StatusStyle): ObjectiveReport[] {
  return course.stories.flatMap((story) => {
    const record = state.stories[story.id];
    if (!record) return [];
    const total = story.quizzes.length;
    const score = total ? Math.floor((Math.min(record.best, total) * 100) / total) : 0;
    const finished = isStoryFinished(story, state);
    const success = !finished ? 'unknown' : score >= passMark ? 'passed' : style === 'passed-failed' ? 'failed' : 'unknown';
    return [{ id: story.id, score, finished, success }];
  });
}

// The store reports only answers to the course's own quizzes and items: it has
// recorded the answer (model/state.ts refuses an unknown quiz) before it says so.
export function answerReport(course: Course, quizId: string, id: string, selection: string, correct: boolean, latencySeconds: number, at: Date): AnswerReport {
  const quiz = course.quizzes.find((q) => q.id === quizId)!;
  return { id, type: 'choice', response: selection, pattern: answerKey(quiz), correct, latencySeconds, at, description: interactionDescription(quiz) };
}

/** A checklist answer as an interaction: the item id, the answer, no right or wrong. */
export function checklistAnswerReport(course: Course, itemId: string, answer: ChecklistAnswer, at: Date): AnswerReport {
  const item = course.checklist.find((c) => c.id === itemId)!;
  return { id: itemId, type: 'likert', response: answer, pattern: '', correct: false, latencySeconds: 0, at, description: checklistDescription(course, item) };
}
