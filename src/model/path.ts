// The learner's way through the course in numbers and links: how many more
// right answers a pass needs, which pages are still unread, which section
// follows which. Pure; the views only print what these return.
import type { Course, Section, Story } from '../content/types.ts';
import { fill } from '../content/ui.ts';
import { storyAnswered, type LearnerState } from './state.ts';

/**
 * Right answers a pass needs. The score is floor(right × 100 / total), so
 * score ≥ passMark ⇔ right ≥ ⌈passMark × total / 100⌉ (16 of 19 at 80).
 */
export function quizzesToPass(quizzesTotal: number, passMark: number): number {
  // integer ceiling of passMark × total / 100, clear of floating-point division
  return Math.max(0, Math.floor((passMark * quizzesTotal + 99) / 100));
}

/** Right answers that count now: the best attempt of each story, as the score counts them. */
export function quizzesCounted(course: Course, state: LearnerState): number {
  return course.stories.reduce((sum, s) => sum + Math.min(state.stories[s.id]?.best ?? 0, s.quizzes.length), 0);
}

/** 「合格まであと◯問」: how many more right answers the pass needs, 0 once it is reached. */
export function quizzesLeftToPass(course: Course, state: LearnerState, passMark: number): number {
  return Math.max(0, quizzesToPass(course.quizzes.length, passMark) - quizzesCounted(course, state));
}

/** The areas whose pages the page count is of: those course.yaml's completion names, all by default, in the menu's order. */
export function countedSections(course: Course): Section[] {
  const { sections } = course.meta.completion;
  return course.sections.filter((s) => !sections || sections.includes(s.id));
}

/** The pages the page count is of, in reading order. */
export function countedPages(course: Course): string[] {
  return countedSections(course).flatMap((s) => s.pages);
}

/** The totals the completion rule is stated in: the learner's progress has them (with the LMS's pass mark). */
export interface RuleTotals {
  pagesTotal: number;
  quizzesTotal: number;
  checklistTotal: number;
  passMark: number;
}

/** 修了の条件 in words, one line per rule course.yaml's completion sets: the welcome screen's list, and the owner's announcement. */
export function completionRule(course: Course, t: RuleTotals): string[] {
  const rule = course.meta.completion;
  const words = course.ui.welcome;
  const lines: string[] = [];
  if (rule.allPages) {
    const sections = countedSections(course).map((s) => s.title).join(words.sectionsSeparator);
    lines.push(rule.sections ? fill(words.sectionPages, { sections, pages: t.pagesTotal }) : fill(words.allPages, { pages: t.pagesTotal }));
  }
  if (rule.passingScore) lines.push(fill(course.ui.progress.passRule, { need: quizzesToPass(t.quizzesTotal, t.passMark), total: t.quizzesTotal, passMark: t.passMark }));
  if (rule.checklist) lines.push(fill(words.allChecklist, { items: t.checklistTotal }));
  return lines;
}

/** Pages completion still asks the learner to open, in reading order: none when pages do not count. */
export function unreadPages(course: Course, state: LearnerState): string[] {
  if (!course.meta.completion.allPages) return [];
  const read = new Set(state.visited);
  return countedPages(course).filter((id) => !read.has(id));
}

/** The section after this one in the menu's order; none after the last. */
export function nextSection(course: Course, sectionId: string): Section | undefined {
  const i = course.sections.findIndex((s) => s.id === sectionId);
  return i < 0 ? undefined : course.sections[i + 1];
}

/** Quizzes of the story not yet answered in its attempt under way, in the story's order. */
export function unansweredQuizzes(story: Story, state: LearnerState): string[] {
  return story.quizzes.filter((q) => state.answers[q] === undefined);
}

/**
 * Where a quiz's onward button leads: the quiz id, or undefined for the story's
 * result. While quizzes are left unanswered (one opened out of order from the
 * story's list), the next of them after this one, else the first: the result is
 * reached with every quiz answered. A look back at answered quizzes, or a look
 * without answering (preview, review), goes through the story in order.
 */
export function quizAfter(story: Story, state: LearnerState, quizId: string, how: { readOnly: boolean; justAnswered: boolean }): string | undefined {
  const at = story.quizzes.indexOf(quizId);
  const open = how.readOnly ? [] : unansweredQuizzes(story, state).filter((q) => q !== quizId);
  if (open.length > 0) return open.find((q) => story.quizzes.indexOf(q) > at) ?? open[0];
  return how.justAnswered ? undefined : story.quizzes[at + 1];
}

/** A story where more right answers can still be had, and how the learner gets them. */
export interface StoryToImprove {
  storyId: string;
  /** notStarted: no answer yet; inProgress: an attempt under way (`next` is its first unanswered quiz); retry: finished below full marks */
  kind: 'notStarted' | 'inProgress' | 'retry';
  /** answers in the attempt under way */
  answered: number;
  best: number;
  total: number;
  next?: string;
}

/** Stories below full marks, in course order: where 「合格まであと◯問」 can be made up. */
export function storiesToImprove(course: Course, state: LearnerState): StoryToImprove[] {
  return course.stories.flatMap((story) => {
    const record = state.stories[story.id];
    const best = Math.min(record?.best ?? 0, story.quizzes.length);
    const total = story.quizzes.length;
    if (best >= total) return [];
    const next = unansweredQuizzes(story, state)[0];
    const answered = storyAnswered(story, state);
    // a retry just begun has no answer yet, but is under way
    const kind = !next ? 'retry' : answered > 0 || (record?.attempts ?? 1) > 1 ? 'inProgress' : 'notStarted';
    return [{ storyId: story.id, kind, answered, best, total, ...(kind === 'inProgress' ? { next } : {}) }];
  });
}
