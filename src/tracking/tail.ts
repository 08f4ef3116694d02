// The last interactions this attempt wrote, carried in SCORM 1.2's suspend_data
// after the state. 1.2 keeps interaction ids write-only, so the LMS's _count is
// the only sign of how many records it holds, and two LMSs understate it at
// the next launch:
//   - the Moodle app's own 1.2 player rebuilds _count from its records sorted
//     by name (interactions_10 before interactions_2) and ends one or two short
//     once eleven or more are held;
//   - Moodle's web player counts the records it holds, so a save its server
//     refused in mid-session (a hole at index 3 of 0–5) leaves _count at 5.
// Either way the next answer would go to an index already in use and replace
// that record. With the tail, a launch that finds _count short of the indexes
// the tail names writes those interactions again, the same values at the same
// indexes, and appends after them.
//
//   <state>!<entry>;<entry>   entry: index:id:kind:response:latency:at
//   kind: c (a quiz answered right), w (wrong), l (a checklist answer);
//   latency: in hundredths of a second, as 1.2's timespan keeps it;
//   at: ms since 1970 in base 36
import type { Course } from '../content/types.ts';
import type { ChecklistAnswer } from '../model/state.ts';
import { quizOfInteraction } from './identifiers.ts';
import { answerReport, checklistAnswerReport, type AnswerReport } from './report.ts';

/**
 * how many of the last interactions the state carries: the Moodle app's _count
 * falls two short at most, Moodle's web player's one for each save its server
 * refused in mid-session (the learner is warned after three in a row)
 */
export const TAIL_LENGTH = 4;

const MARK = '!';
const ENTRY_SEP = ';';
const FIELD_SEP = ':';
const ENTRY = /^(\d{1,5}):([A-Za-z0-9_]+):([cwl]):([a-z]*):(\d{1,10}):([0-9a-z]{1,11})$/;

export interface TailEntry {
  index: number;
  answer: AnswerReport;
}

/** The state as written to suspend_data, the tail after it; the state alone when there is no tail. */
export function withTail(state: string, tail: readonly TailEntry[]): string {
  if (!tail.length) return state;
  const entries = tail.map(({ index, answer: a }) => {
    const kind = a.type === 'likert' ? 'l' : a.correct ? 'c' : 'w';
    return [index, a.id, kind, a.response, Math.max(0, Math.round(a.latencySeconds * 100)), Math.max(0, a.at.getTime()).toString(36)].join(FIELD_SEP);
  });
  return state + MARK + entries.join(ENTRY_SEP);
}

/**
 * suspend_data split into the state and its tail. An entry this course cannot
 * read back (not ours, or a quiz or item no longer in the content) ends the
 * tail there: a tail with a gap would write the wrong records.
 */
export function splitTail(text: string, course: Course): { state: string; tail: TailEntry[] } {
  const at = text.indexOf(MARK);
  if (at < 0) return { state: text, tail: [] };
  const tail: TailEntry[] = [];
  for (const entry of text.slice(at + 1).split(ENTRY_SEP)) {
    const m = ENTRY.exec(entry);
    if (!m) break;
    const [, index, id, kind, response, latency, time] = m;
    const when = new Date(parseInt(time, 36));
    let answer: AnswerReport | undefined;
    if (kind === 'l') {
      if (course.checklist.some((c) => c.id === id)) answer = checklistAnswerReport(course, id, response as ChecklistAnswer, when);
    } else {
      const quiz = quizOfInteraction(id);
      if (course.quizzes.some((q) => q.id === quiz)) answer = answerReport(course, quiz, id, response, kind === 'c', Number(latency) / 100, when);
    }
    if (!answer) break;
    tail.push({ index: Number(index), answer });
  }
  return { state: text.slice(0, at), tail };
}

/** The tail after an interaction was written at `index`, the last TAIL_LENGTH of them. */
export function addToTail(tail: readonly TailEntry[], entry: TailEntry): TailEntry[] {
  return [...tail.filter((e) => e.index !== entry.index), entry].sort((a, b) => a.index - b.index).slice(-TAIL_LENGTH);
}

/**
 * The interactions to write again when the LMS's _count falls short of the
 * indexes the tail names: those from _count up, when the tail has every one of
 * them; none when the count is not short, or the tail cannot fill the gap
 * (the course then appends at _count, as the LMS asks).
 */
export function shortfall(tail: readonly TailEntry[], count: number): TailEntry[] {
  const missing = tail.filter((e) => e.index >= count);
  return missing.length && missing.length === tailEnd(tail) - count ? missing : [];
}

/** the index after the last one the tail names: how many records the LMS holds, as far as the tail knows (0 without one) */
export const tailEnd = (tail: readonly TailEntry[]): number => (tail.length ? tail[tail.length - 1].index + 1 : 0);
