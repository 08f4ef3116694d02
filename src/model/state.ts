// The learner's whole state: one plain, serialisable object. Every change goes
// through the functions here, which return a new state and never mutate.
import type { Course, Story } from '../content/types.ts';
import { isCorrect, normalizeSelection } from './scoring.ts';
import { dayStamp } from './day.ts';

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

/** Quizzes of the story answered in its attempt under way. */
export function storyAnswered(story: Story, state: LearnerState): number {
  return story.quizzes.filter((q) => state.answers[q] !== undefined).length;
}

/** Taken to its end at least once: a retry is only offered after the end. */
export function isStoryFinished(story: Story, state: LearnerState): boolean {
  return (state.stories[story.id]?.attempts ?? 1) > 1 || story.quizzes.every((q) => state.answers[q] !== undefined);
}

/**
 * Ticks not yet answered (kept outside the state, by quiz id), as they may
 * stand: of quizzes of the course the state has not answered, each a selection
 * of the quiz's own choices. Anything else — an answered quiz's ticks, a
 * stranger's storage — is dropped.
 */
export function openDrafts(course: Course, state: LearnerState, drafts: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    course.quizzes.flatMap((q) => {
      const ticked = state.answers[q.id] === undefined && typeof drafts[q.id] === 'string' ? normalizeSelection(q, drafts[q.id] as string) : '';
      return ticked ? [[q.id, ticked]] : [];
    }),
  );
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

/**
 * A decoded state checked against the content as it is now (content changes,
 * and saved data can be forged): an answer holding a letter the quiz no longer
 * has is dropped, so the quiz opens again; a story's best result is recounted
 * from its answers when they are its only attempt and never exceeds its
 * quizzes; the pass flag is cleared, to be earned again from the recomputed
 * state (a pass the LMS itself records is restored by the caller).
 */
export function reconcileState(course: Course, state: LearnerState): LearnerState {
  const answers: Record<string, string> = {};
  for (const [quizId, sel] of Object.entries(state.answers)) {
    const quiz = course.quizzes.find((q) => q.id === quizId);
    if (quiz && sel !== '' && normalizeSelection(quiz, sel) === [...sel].sort().join('')) answers[quizId] = sel;
  }
  const next: LearnerState = { ...state, answers, stories: {}, passed: false };
  for (const [storyId, record] of Object.entries(state.stories)) {
    const story = course.stories.find((s) => s.id === storyId);
    if (!story) continue;
    const counted = storyCorrectNow(course, next, storyId);
    const best = record.attempts > 1 ? Math.max(counted, Math.min(record.best, story.quizzes.length)) : counted;
    next.stories[storyId] = { attempts: Math.max(1, record.attempts), best };
  }
  return next;
}

/**
 * Two copies of one learner's state (two tabs) made one: pages, checklist
 * answers and passes are united; per story, the copy with more attempts wins,
 * and on equal attempts the answers are united (this copy's first). The result
 * equals `mine` when `theirs` adds nothing.
 */
export function mergeStates(course: Course, mine: LearnerState, theirs: LearnerState): LearnerState {
  const answers = { ...mine.answers };
  const stories: Record<string, StoryRecord> = { ...mine.stories };
  for (const story of course.stories) {
    const a = mine.stories[story.id];
    const b = theirs.stories[story.id];
    if (!b) continue;
    const ahead = !a || b.attempts > a.attempts;
    if (ahead) for (const q of story.quizzes) delete answers[q];
    if (ahead || b.attempts === a.attempts) for (const q of story.quizzes) if (theirs.answers[q] !== undefined && answers[q] === undefined) answers[q] = theirs.answers[q];
    const attempts = Math.max(a?.attempts ?? 1, b.attempts);
    stories[story.id] = { attempts, best: Math.max(a?.best ?? 0, b.best) };
  }
  const next: LearnerState = {
    ...mine,
    visited: [...mine.visited, ...theirs.visited.filter((p) => !mine.visited.includes(p))],
    answers,
    stories,
    checklist: { ...mine.checklist, ...Object.fromEntries(Object.entries(theirs.checklist).filter(([id]) => mine.checklist[id] === undefined)) },
    passed: mine.passed || theirs.passed,
  };
  for (const id of Object.keys(next.stories)) next.stories[id] = { ...next.stories[id], best: Math.max(next.stories[id].best, storyCorrectNow(course, next, id)) };
  return canonical(next) === canonical(mine) ? mine : next;
}

/** JSON with object keys sorted, to compare states whatever order their keys were added in */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}
