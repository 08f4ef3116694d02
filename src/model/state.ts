// The learner's whole state: one plain, serialisable object. Every change goes
// through the functions here, which return a new state and never mutate.
import type { Course, Story } from '../content/types.ts';
import { isCorrect, normalizeSelection } from './scoring.ts';
import { dayStamp } from './certificate.ts';

export const CHECKLIST_ANSWERS = ['done', 'partial', 'not', 'na'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

export interface StoryRecord {
  /** most quizzes answered correctly in one attempt of this story */
  best: number;
  /** attempts started, the first included */
  attempts: number;
}

export interface LearnerState {
  /** page ids, in first-visit order */
  visited: string[];
  /** the route the learner was last on */
  location: string;
  /** quiz id → chosen choice letters, sorted; answers of the current attempt only */
  answers: Record<string, string>;
  stories: Record<string, StoryRecord>;
  checklist: Record<string, ChecklistAnswer>;
  /** a pass once recorded is never lowered */
  passed: boolean;
  /** the day the pass was first recorded here, YYYYMMDD in the learner's time zone: the certificate's date */
  completedOn?: string;
}

export function emptyState(): LearnerState {
  return { visited: [], location: '', answers: {}, stories: {}, checklist: {}, passed: false };
}

export function visitPage(state: LearnerState, pageId: string): LearnerState {
  return state.visited.includes(pageId) ? state : { ...state, visited: [...state.visited, pageId] };
}

export function setLocation(state: LearnerState, location: string): LearnerState {
  return state.location === location ? state : { ...state, location };
}

export function storyCorrectNow(course: Course, state: LearnerState, storyId: string): number {
  const story = course.stories.find((s) => s.id === storyId);
  if (!story) return 0;
  return story.quizzes.filter((qid) => {
    const sel = state.answers[qid];
    const quiz = course.quizzes.find((q) => q.id === qid);
    return sel !== undefined && quiz !== undefined && isCorrect(quiz, sel);
  }).length;
}

/** Taken to its end at least once: a retry is only offered after the end. */
export function isStoryFinished(story: Story, state: LearnerState): boolean {
  return (state.stories[story.id]?.attempts ?? 1) > 1 || story.quizzes.every((q) => state.answers[q] !== undefined);
}

/** Records an answer. A quiz answered in this attempt keeps its first answer. */
export function answerQuiz(course: Course, state: LearnerState, quizId: string, choices: Iterable<string>): LearnerState {
  const quiz = course.quizzes.find((q) => q.id === quizId);
  if (!quiz) throw new Error(`unknown quiz ${quizId}`);
  if (state.answers[quizId] !== undefined) return state;
  const sel = normalizeSelection(quiz, choices);
  if (sel === '') throw new Error(`quiz ${quizId}: an answer needs at least one choice`);
  const answers = { ...state.answers, [quizId]: sel };
  const next = { ...state, answers };
  const record = state.stories[quiz.story] ?? { best: 0, attempts: 1 };
  const best = Math.max(record.best, storyCorrectNow(course, next, quiz.story));
  return { ...next, stories: { ...state.stories, [quiz.story]: { ...record, best } } };
}

/** Starts a new attempt at a story: its answers are cleared, its best result stays. */
export function retryStory(course: Course, state: LearnerState, storyId: string): LearnerState {
  const story = course.stories.find((s) => s.id === storyId);
  if (!story) throw new Error(`unknown story ${storyId}`);
  const answers = { ...state.answers };
  for (const qid of story.quizzes) delete answers[qid];
  const record = state.stories[storyId] ?? { best: 0, attempts: 1 };
  return { ...state, answers, stories: { ...state.stories, [storyId]: { ...record, attempts: record.attempts + 1 } } };
}

export function answerChecklist(state: LearnerState, itemId: string, answer: ChecklistAnswer | undefined): LearnerState {
  const checklist = { ...state.checklist };
  if (answer === undefined) delete checklist[itemId];
  else checklist[itemId] = answer;
  return { ...state, checklist };
}

/** Records the pass, and its day the first time: later visits keep the first day. */
export function markPassed(state: LearnerState, at: Date): LearnerState {
  if (state.passed && state.completedOn) return state;
  return { ...state, passed: true, completedOn: state.completedOn ?? dayStamp(at) };
}
