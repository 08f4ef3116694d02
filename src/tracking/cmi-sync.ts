// What the session writes, apart from when (commit-scheduler.ts): from what the
// LMS holds and what the course now says, the next data-model write, in the
// order the data model wants them. Plain logic over plain data: `nextWrite`
// only reads; `accept` records a write the LMS took. The rules:
//   - answers first, oldest first; an interaction index is used only once the LMS
//     accepted the id there, never skipped and never reused, so an answer whose id
//     is refused holds back the later ones;
//   - an objective's id is write-once: it counts as recorded only once accepted;
//   - a value the LMS holds is not sent again, and no objective's status or score
//     is written lower than the LMS holds (the dialects see to the course's own).
import type { Course } from '../content/types.ts';
import { arrayField } from '../scorm/spec.ts';
import type { Dialect } from './dialect.ts';
import { courseReport, objectiveReports, type AnswerReport } from './report.ts';
import { addToTail, withTail, type TailEntry } from './tail.ts';
import type { Snapshot } from './tracker.ts';

/** an answer on its way to the LMS */
export interface Outgoing {
  answer: AnswerReport;
  /** the interaction index, once the LMS accepted the id there */
  index?: number;
  /** fields the LMS accepted */
  accepted: Set<string>;
  /**
   * it went out in a Commit the LMS refused, or answered "true" without knowing
   * (a beacon's): a later Commit may not carry it again (Moodle's 1.2 player
   * sends each value once, even in a request that failed), so it stays owed for
   * the session, and the next launch checks the LMS's record for it
   */
  doubtful?: boolean;
}

/** What the LMS holds, as far as this session knows. */
export interface LmsRecord {
  /** element → value, read at launch and then every write the LMS accepted */
  held: Map<string, string>;
  nextInteraction: number;
  nextObjective: number;
  /** objective id → its index */
  objectiveIndex: Map<string, number>;
  /** the last interactions written, with their indexes (tail.ts) */
  tail: TailEntry[];
}

/** suspend_data as the LMS gets it: the state, with the tail where the dialect carries one */
export const suspendDataOf = (dialect: Dialect, record: LmsRecord, state: string): string => (dialect.carriesTail ? withTail(state, record.tail) : state);

/** What the course now says: the latest snapshot, and whether the LMS judges the score by a pass mark of its own. */
export interface Target {
  course: Course;
  snapshot: Snapshot;
  lmsJudges: boolean;
}

export type Write =
  | { kind: 'interaction'; element: string; value: string; answer: Outgoing; index: number }
  | { kind: 'objective-id'; element: string; value: string; id: string; index: number }
  | { kind: 'value'; element: string; value: string };

/** The next write the LMS still needs, skipping elements `refused` in this round; undefined when all is sent. */
export function nextWrite(dialect: Dialect, record: LmsRecord, outbox: readonly Outgoing[], target: Target | undefined, refused: (element: string) => boolean): Write | undefined {
  for (const answer of outbox) {
    const index = answer.index ?? record.nextInteraction;
    const todo = dialect.interactionWrites(index, answer.answer).find(([element]) => !answer.accepted.has(arrayField(element)));
    if (!todo) continue;
    const [element, value] = todo;
    if (refused(element)) {
      if (answer.index === undefined) break;
      continue;
    }
    return { kind: 'interaction', element, value, answer, index };
  }
  if (!target) return undefined;
  const { course, snapshot, lmsJudges } = target;
  const { held } = record;
  for (const objective of objectiveReports(course, snapshot.state, snapshot.progress.passMark, course.meta.statusStyle)) {
    const known = record.objectiveIndex.get(objective.id);
    const index = known ?? record.nextObjective;
    const writes = dialect.objectiveWrites(index, objective, known === undefined);
    if (known === undefined) {
      const [element, value] = writes[0];
      if (refused(element)) continue;
      return { kind: 'objective-id', element, value, id: objective.id, index };
    }
    for (const [element, value] of writes) {
      const current = held.get(element);
      if (current === value || refused(element)) continue;
      const field = arrayField(element);
      const heldRank = current === undefined ? undefined : dialect.objectiveRank(field, current);
      const newRank = dialect.objectiveRank(field, value);
      if (heldRank !== undefined && newRank !== undefined && heldRank > newRank) continue;
      return { kind: 'value', element, value };
    }
  }
  for (const [element, value] of dialect.courseWrites(courseReport(snapshot.progress, suspendDataOf(dialect, record, snapshot.suspendData), snapshot.location), held, lmsJudges)) {
    if (held.get(element) === value || refused(element)) continue;
    return { kind: 'value', element, value };
  }
  return undefined;
}

/** Records a write the LMS accepted. */
export function accept(record: LmsRecord, write: Write): void {
  if (write.kind === 'interaction') {
    const { answer, index } = write;
    if (answer.index === undefined) {
      answer.index = index;
      record.nextInteraction = index + 1;
      record.tail = addToTail(record.tail, { index, answer: answer.answer });
    }
    answer.accepted.add(arrayField(write.element));
  } else if (write.kind === 'objective-id') {
    record.objectiveIndex.set(write.id, write.index);
    record.nextObjective = write.index + 1;
  } else record.held.set(write.element, write.value);
}

/** The answers the LMS has not yet taken whole, or may not have (after a Commit, the others leave the outbox). */
export function unsettled(dialect: Dialect, outbox: readonly Outgoing[]): Outgoing[] {
  return outbox.filter((o) => o.doubtful || o.index === undefined || !dialect.interactionWrites(o.index, o.answer).every(([element]) => o.accepted.has(arrayField(element))));
}
