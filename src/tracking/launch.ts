// What the LMS says at launch, read once after Initialize, and the helpers that
// read its numbers. (What the course tells the LMS is in report.ts.)
import { TIME_LIMIT_ACTIONS, type TimeLimitAction } from '../scorm/spec.ts';
import type { LaunchMode } from './tracker.ts';

/** What the LMS says about the launch, read once after Initialize. */
export interface Launch {
  mode: LaunchMode;
  learnerId: string;
  learnerName: string;
  suspendData: string;
  /** percent 0–100 from the LMS's mastery score, when it sets one */
  passMark?: number;
  /** the LMS already holds a pass for this attempt */
  passed: boolean;
  /** the data model as the LMS holds it, for the elements the course writes */
  held: Map<string, string>;
  /** next free interaction index (1.2: the journal's _count) */
  interactionCount: number;
  /** `id@timestamp` of every interaction the LMS holds, so an answer written before is not appended twice; undefined where the ids are write-only (1.2) */
  interactionKeys?: Set<string>;
  objectiveCount: number;
  objectiveIndex: Map<string, number>;
  /** the LMS's max_time_allowed, less the time already on record, and what to do when it runs out */
  timeLimit?: { remainingSeconds: number; action: TimeLimitAction };
}

/** From max_time_allowed, total_time and time_limit_action as parsed numbers and text; undefined when no limit is set. */
export function timeLimitOf(maxSeconds: number | undefined, totalSeconds: number | undefined, action: string | undefined): Launch['timeLimit'] {
  if (maxSeconds === undefined || maxSeconds <= 0) return undefined;
  // the spec's default when the LMS names none
  const known = (TIME_LIMIT_ACTIONS as readonly string[]).includes(action ?? '') ? (action as TimeLimitAction) : 'continue,no message';
  return { remainingSeconds: Math.max(0, maxSeconds - (totalSeconds ?? 0)), action: known };
}

/** percent needed to pass, from a 0–1 measure; 0.805 needs 81 because scores are whole percents */
export function percentFromScaled(scaled: number): number {
  return Math.min(100, Math.max(0, Math.ceil(scaled * 100 - 1e-9)));
}

export function parseNumber(text: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return undefined;
  return Number(text);
}
