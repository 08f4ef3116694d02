// Where the learner stands, derived from the state: what the progress bar
// shows and what the LMS is told. Pure; no DOM, no LMS.
import type { Course, CourseMeta } from '../content/types.ts';
import { isStoryFinished, storyAnswered, type LearnerState } from './state.ts';
import { scorePercent } from './scoring.ts';
import { countedPages, quizzesLeftToPass } from './path.ts';

export type CourseStatus = 'passed' | 'completed' | 'failed' | 'incomplete';

export interface Progress {
  pagesVisited: number;
  pagesTotal: number;
  /** answered at least once: a story taken to its end counts whole, its retry under way too, as the score does */
  quizzesAnswered: number;
  quizzesTotal: number;
  /** 0–100, best attempt per story */
  score: number;
  passMark: number;
  scorePassed: boolean;
  /** more right answers the pass mark needs (「合格まであと◯問」); 0 once reached */
  quizzesToPass: number;
  checklistTotal: number;
  checklistAnswered: number;
  /** the completion rule of the content metadata is met */
  complete: boolean;
  status: CourseStatus;
  /** the status is passed or completed: the course is done */
  completed: boolean;
  /** 0–1, for SCORM 2004 progress_measure */
  measure: number;
}

export interface EvaluateOptions {
  /** the LMS's mastery score overrides the content's pass mark */
  passMark?: number;
  checklistTotal?: number;
}

export function evaluate(course: Course, state: LearnerState, options: EvaluateOptions = {}): Progress {
  const meta: CourseMeta = course.meta;
  const passMark = options.passMark ?? meta.passMark;
  const pageIds = new Set(countedPages(course));
  const pagesVisited = state.visited.filter((id) => pageIds.has(id)).length;
  const pagesTotal = pageIds.size;
  const quizzesAnswered = course.stories.reduce((n, s) => n + (isStoryFinished(s, state) ? s.quizzes.length : storyAnswered(s, state)), 0);
  const quizzesTotal = course.quizzes.length;
  const score = scorePercent(course, state.stories);
  const scorePassed = score >= passMark;
  // the course's own checklist unless told otherwise: a required checklist is never "done" by being left uncounted
  const checklistTotal = options.checklistTotal ?? course.checklist.length;
  const checklistAnswered = Math.min(Object.keys(state.checklist).length, checklistTotal);
  const allStoriesFinished = course.stories.every((s) => isStoryFinished(s, state));

  const rule = meta.completion;
  const pagesOk = !rule.allPages || pagesVisited === pagesTotal;
  const scoreOk = !rule.passingScore || scorePassed;
  const checklistOk = !rule.checklist || checklistAnswered === checklistTotal;
  const complete = pagesOk && scoreOk && checklistOk;

  let status: CourseStatus;
  if (state.passed) status = 'passed';
  else if (complete) status = rule.passingScore ? 'passed' : 'completed';
  else if (meta.statusStyle === 'passed-failed' && rule.passingScore && allStoriesFinished && !scorePassed) status = 'failed';
  else status = 'incomplete';

  const parts: number[] = [];
  if (rule.allPages) parts.push(pagesTotal ? pagesVisited / pagesTotal : 1);
  if (rule.passingScore) parts.push(quizzesTotal ? Math.min(1, score / Math.max(passMark, 1)) : 1);
  if (rule.checklist) parts.push(checklistTotal ? checklistAnswered / checklistTotal : 1);
  const completed = status === 'passed' || status === 'completed';
  const measure = completed ? 1 : parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0;

  return {
    pagesVisited,
    pagesTotal,
    quizzesAnswered,
    quizzesTotal,
    score,
    passMark,
    scorePassed,
    quizzesToPass: quizzesLeftToPass(course, state, passMark),
    checklistTotal,
    checklistAnswered,
    complete,
    status,
    completed,
    measure: Math.round(measure * 100) / 100,
  };
}
