// What differs between SCORM 1.2 and 2004 for this course: the API's name and
// methods, element names, vocabularies and formats. The session logic
// (scorm-tracker.ts) is the same for both and talks through this shape.
import type { QuietCodes } from './connection.ts';
import type { Launch } from './launch.ts';
import type { AnswerReport, CmiWrite, CourseReport, ObjectiveReport } from './report.ts';
import { objectiveElement, type ApiNames, type CmiElement, type ObjectiveField, type ScormVersion } from '../scorm/spec.ts';

export interface Dialect {
  version: ScormVersion;
  apiName: string;
  maxHops: number;
  methods: ApiNames;
  quietGetCodes: QuietCodes;
  /** read once after Initialize; get returns undefined for an element the LMS refused */
  readLaunch(get: (element: CmiElement) => string | undefined): Launch;
  /**
   * status, score, bookmark, resume state and exit; never lowers what `held` says.
   * `lmsJudges`: the LMS gave a pass mark of its own (1.2 mastery_score, 2004
   * scaled_passing_score), so it will turn the score it is judged by into a status
   * (SCORM 1.2 RTE 3.4.4, 2004 RTE 4.2.22); that score is then withheld until the
   * course's own verdict (success passed or failed) is in.
   */
  courseWrites(report: CourseReport, held: ReadonlyMap<string, string>, lmsJudges: boolean): CmiWrite[];
  objectiveWrites(index: number, objective: ObjectiveReport, isNew: boolean): CmiWrite[];
  /** how an objective's field ranks (a status or a score), to never write one lower; undefined: not ranked */
  objectiveRank(field: string, value: string): number | undefined;
  interactionWrites(index: number, answer: AnswerReport): CmiWrite[];
  /** what a launch in browse mode writes, where the LMS would read the course's silence as a status */
  browseWrites(held: ReadonlyMap<string, string>): CmiWrite[];
  /** cmi.core.exit / cmi.exit */
  exitElement: CmiElement;
  /** how many interactions every LMS of this version keeps: a checklist answer beyond it is not reported */
  interactionLimit: number;
  /** suspend_data carries the last interactions written (tail.ts): where ids are write-only, _count is all the LMS tells */
  carriesTail: boolean;
  sessionTime(seconds: number): CmiWrite;
}

/** Index of every interaction's or objective's id the LMS holds (`count`: its `_count`, `idOf`: the n-th id), for write-once ids and re-entry. */
export function readIds(get: (element: CmiElement) => string | undefined, count: CmiElement, idOf: (n: number) => CmiElement): { count: number; index: Map<string, number> } {
  const total = Number(get(count) ?? '0') || 0;
  const index = new Map<string, number>();
  for (let n = 0; n < total; n++) {
    const id = get(idOf(n));
    if (id) index.set(id, n);
  }
  return { count: total, index };
}

/** Keeps a value the LMS holds when the new one ranks lower (a pass is never undone). */
export function unlessLower(element: CmiElement, value: string, held: ReadonlyMap<string, string>, rank: (v: string) => number): CmiWrite[] {
  const current = held.get(element);
  return current !== undefined && rank(current) > rank(value) ? [] : [[element, value]];
}

/** Scores and measures are never lowered either: a later, emptier state must not erase a recorded result. */
export function unlessSmaller(element: CmiElement, value: number, held: ReadonlyMap<string, string>): CmiWrite[] {
  const current = Number(held.get(element));
  return held.get(element) && Number.isFinite(current) && current > value ? [] : [[element, String(value)]];
}

/** The values the LMS holds for these elements, read at launch so that none is written lower; an empty one is no value. */
export function readHeld(get: (element: CmiElement) => string | undefined, elements: readonly CmiElement[], held: Map<string, string>): void {
  for (const element of elements) {
    const value = get(element);
    if (value) held.set(element, value);
  }
}

/** The same for the fields of the objectives the LMS holds. */
export function readObjectiveFields(get: (element: CmiElement) => string | undefined, count: number, fields: readonly ObjectiveField[], held: Map<string, string>): void {
  for (let n = 0; n < count; n++) readHeld(get, fields.map((field) => objectiveElement(n, field)), held);
}

const numeric = (value: string) => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined);
export const scoreRank = (field: string, value: string) => (/^score\.(raw|scaled)$/.test(field) ? numeric(value) : undefined);

/** whether the score an LMS judges by may be sent now (see Dialect.courseWrites) */
export const judgedScoreDue = (report: CourseReport, lmsJudges: boolean) => report.scored && (!lmsJudges || report.success !== 'unknown');

export const launchMode = (value: string | undefined) => (value === 'review' || value === 'browse' ? value : 'normal');
