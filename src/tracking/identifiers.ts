// Interaction ids and choice responses, in the id rule of src/scorm/spec.ts
// (SAFE_ID), which every LMS we know of accepts.
import { SAFE_ID, SCORM2004_DESCRIPTION_MAX } from '../scorm/spec.ts';
import type { ChecklistItem, Course } from '../content/types.ts';
import { withoutPhraseMarks } from '../content/phrases.ts';

/**
 * The highest attempt number an id carries. suspend_data keeps a story's
 * attempts as one base-36 digit (model/codec.ts), so a resumed learner never
 * counts past 35; answers of later retries in one session share `_r35`.
 */
export const MAX_ATTEMPT_IN_ID = 35;

/**
 * One interaction per answer. The first attempt at a story keeps the plain
 * quiz id (`q3_10`), so reports read naturally; a retry of the story adds the
 * attempt number (`q3_10_r2`), so no two answers ever share an id.
 */
export function interactionId(quizId: string, attempt: number): string {
  const n = Math.min(attempt, MAX_ATTEMPT_IN_ID);
  const id = n > 1 ? `${quizId}_r${n}` : quizId;
  if (!SAFE_ID.test(id)) throw new Error(`interaction id "${id}" is not [A-Za-z0-9_] ending in a letter or digit`);
  return id;
}

/** The quiz an interaction id answers (interactionId's inverse). */
export const quizOfInteraction = (id: string): string => id.replace(/_r\d+$/, '');

const letters = (selection: string) => [...selection].sort();

/** SCORM 1.2 choice response: single characters joined by commas, `a,c`. */
export function scorm12Choices(selection: string): string {
  return letters(selection).join(',');
}

/** SCORM 2004 choice response: short identifiers joined by `[,]`, `a[,]c`. */
export function scorm2004Choices(selection: string): string {
  return letters(selection).join('[,]');
}

/** Cuts to a limit counted in UTF-16 code units, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * 2004 interactions.n.description: the quiz number first, so quizzes that share
 * a title (3-1 and 3-2) read apart in the LMS's report even when clipped.
 */
export function interactionDescription(quiz: { number: string; title: string }): string {
  return clip(`${quiz.number} ${quiz.title}`, SCORM2004_DESCRIPTION_MAX);
}

/** a checklist area's name as HR reads it: its measure page's short label */
export function checklistAreaName(course: Pick<Course, 'pages'>, areaId: string): string {
  return course.pages.find((p) => p.id === areaId)?.navLabel ?? areaId;
}

/** the measure's name, then the item: HR reads which measure an answer is about */
export function checklistDescription(course: Pick<Course, 'pages'>, item: ChecklistItem): string {
  // the page's copy of the item carries phrase marks for line breaking; the LMS gets the text as written
  return clip(`${checklistAreaName(course, item.area)}：${withoutPhraseMarks(item.text)}`, SCORM2004_DESCRIPTION_MAX);
}
