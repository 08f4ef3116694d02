// The rules real LMSs enforce and scorm-again does not: SCORM 1.2's size
// limits, nothing after finish, and Moodle's own patterns for times,
// decimals and identifiers (mod/scorm/datamodels/scorm_12.js, scorm_13.js),
// plus this project's stricter id rule. Pure: the host page feeds it every
// call; the tests fail on any violation it reports.

import { API, CMI12, CMI2004, LIMITS, SAFE_ID, SUSPEND_DATA, type ApiNames, type ScormVersion } from '../../src/scorm/spec.ts';

export type Version = ScormVersion;

export const MOODLE12 = {
  timespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
  time: /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/,
  decimal: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
  identifier: /^[\u0021-\u007E]{0,255}$/,
  status: ['passed', 'completed', 'failed', 'incomplete', 'browsed'],
  objectiveStatus: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
  exit: ['time-out', 'suspend', 'logout', ''],
  type: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'],
  result: ['correct', 'wrong', 'unanticipated', 'neutral'],
} as const;

export const MOODLE2004 = {
  timespan: /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/,
  time: /^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$/,
  decimal: /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/,
  shortIdentifier: /^[\w.]{1,250}$/,
  longIdentifier: /^\S{1,4000}$/,
  completion: ['completed', 'incomplete', 'not attempted', 'unknown'],
  success: ['passed', 'failed', 'unknown'],
  exit: ['time-out', 'suspend', 'logout', 'normal', ''],
  type: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
  result: ['correct', 'incorrect', 'unanticipated', 'neutral'],
} as const;

/** The API's methods by version, its three error readers together. */
const withErrors = (a: ApiNames) => ({ ...a, errors: [a.getLastError, a.getErrorString, a.getDiagnostic] as const });
export const METHODS: Record<Version, ReturnType<typeof withErrors>> = { '1.2': withErrors(API['1.2']), '2004': withErrors(API['2004']) };

export interface Checker {
  /** returns the violations this call commits; an empty list is a clean call */
  check(method: string, args: readonly string[], result: string, injected: boolean): string[];
}

const within = (value: string, min: number, max: number) => Number(value) >= min && Number(value) <= max;

function checkSet12(element: string, value: string, journal: { next: number }): string[] {
  const out: string[] = [];
  const bad = (why: string) => out.push(`${element}="${value.slice(0, 80)}": ${why}`);
  const L = LIMITS['1.2'];
  if (element === SUSPEND_DATA && value.length > L.suspendData) bad(`suspend_data is ${value.length} characters, over ${L.suspendData}`);
  if (element === CMI12.location && value.length > L.location) bad(`lesson_location is ${value.length} characters, over ${L.location}`);
  if (element === CMI12.sessionTime && !MOODLE12.timespan.test(value)) bad('not a CMITimespan Moodle accepts');
  if (element === CMI12.status && !(MOODLE12.status as readonly string[]).includes(value)) bad('not a lesson_status a SCO may set');
  if (element === CMI12.exit && !(MOODLE12.exit as readonly string[]).includes(value)) bad('not an exit value');
  if (/^cmi\.(core|objectives\.\d+)\.score\.(raw|min|max)$/.test(element) && (!MOODLE12.decimal.test(value) || !within(value, 0, 100))) bad('score must be a decimal 0–100');
  const obj = /^cmi\.objectives\.\d+\.(\w+)$/.exec(element);
  if (obj?.[1] === 'id' && !(SAFE_ID.test(value) && MOODLE12.identifier.test(value))) bad('objective id is not [A-Za-z0-9_] ending in a letter or digit');
  if (obj?.[1] === 'status' && !(MOODLE12.objectiveStatus as readonly string[]).includes(value)) bad('not an objective status');
  const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  if (m) {
    const n = Number(m[1]);
    const field = m[2];
    if (n > journal.next) bad(`interaction index skips ahead of the journal (next is ${journal.next})`);
    if (n === journal.next) journal.next = n + 1;
    if (field === 'id' && !(SAFE_ID.test(value) && MOODLE12.identifier.test(value))) bad('interaction id is not [A-Za-z0-9_] ending in a letter or digit');
    if (field === 'type' && !(MOODLE12.type as readonly string[]).includes(value)) bad('not an interaction type');
    if (field === 'time' && !MOODLE12.time.test(value)) bad('not a CMITime Moodle accepts');
    if (field === 'latency' && !MOODLE12.timespan.test(value)) bad('not a CMITimespan Moodle accepts');
    if (field === 'result' && !(MOODLE12.result as readonly string[]).includes(value) && !MOODLE12.decimal.test(value)) bad('not a 1.2 result');
    if (field === 'weighting' && (!MOODLE12.decimal.test(value) || !within(value, -100, 100))) bad('weighting must be a decimal −100–100');
    if ((field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) && value.length > L.feedback) bad('over 255 characters');
  }
  return out;
}

function checkSet2004(element: string, value: string, seen: { interactions: Map<number, Set<string>>; objectiveIds: Map<number, string> }): string[] {
  const out: string[] = [];
  const bad = (why: string) => out.push(`${element}="${value.slice(0, 80)}": ${why}`);
  const L = LIMITS['2004'];
  if (element === SUSPEND_DATA && value.length > L.suspendData) bad(`suspend_data over ${L.suspendData}`);
  if (element === CMI2004.location && value.length > L.location) bad(`location over ${L.location}`);
  if (element === CMI2004.sessionTime && !MOODLE2004.timespan.test(value)) bad('not a timeinterval Moodle accepts');
  if (element === CMI2004.completionStatus && !(MOODLE2004.completion as readonly string[]).includes(value)) bad('not a completion_status');
  if (element === CMI2004.successStatus && !(MOODLE2004.success as readonly string[]).includes(value)) bad('not a success_status');
  if (element === CMI2004.exit && !(MOODLE2004.exit as readonly string[]).includes(value)) bad('not an exit value');
  if (/score\.(raw|min|max|scaled)$|progress_measure$|\.weighting$/.test(element) && !MOODLE2004.decimal.test(value)) bad('not a decimal Moodle accepts');
  if (/score\.scaled$/.test(element) && !within(value, -1, 1)) bad('scaled score outside −1–1');
  if (/progress_measure$/.test(element) && !within(value, 0, 1)) bad('progress_measure outside 0–1');
  const obj = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element);
  if (obj) {
    const n = Number(obj[1]);
    if (obj[2] === 'id') {
      if (!SAFE_ID.test(value) || !MOODLE2004.longIdentifier.test(value)) bad('objective id is not [A-Za-z0-9_] ending in a letter or digit');
      const before = seen.objectiveIds.get(n);
      if (before !== undefined && before !== value) bad(`objective id is write-once (was ${before})`);
      seen.objectiveIds.set(n, value);
    } else if (!seen.objectiveIds.has(n)) bad('objective field set before its id');
    if (obj[2] === 'success_status' && !(MOODLE2004.success as readonly string[]).includes(value)) bad('not a success_status');
    if (obj[2] === 'completion_status' && !(MOODLE2004.completion as readonly string[]).includes(value)) bad('not a completion_status');
  }
  const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  if (m) {
    const n = Number(m[1]);
    const field = m[2];
    const set = seen.interactions.get(n) ?? new Set<string>();
    seen.interactions.set(n, set);
    if (field !== 'id' && !set.has('id')) bad('interaction field set before its id');
    if ((field === 'learner_response' || field.startsWith('correct_responses')) && !set.has('type')) bad('response set before the type (Moodle: 408)');
    set.add(field);
    if (field === 'id' && (!SAFE_ID.test(value) || !MOODLE2004.longIdentifier.test(value))) bad('interaction id is not [A-Za-z0-9_] ending in a letter or digit');
    if (field === 'type' && !(MOODLE2004.type as readonly string[]).includes(value)) bad('not an interaction type');
    if (field === 'timestamp' && !MOODLE2004.time.test(value)) bad('not a timestamp Moodle accepts');
    if (field === 'latency' && !MOODLE2004.timespan.test(value)) bad('not a timeinterval Moodle accepts');
    if (field === 'result' && !(MOODLE2004.result as readonly string[]).includes(value) && !MOODLE2004.decimal.test(value)) bad('not a 2004 result');
    if (field === 'description' && value.length > L.description) bad('description over 250');
    if ((field === 'learner_response' || /^correct_responses\.\d+\.pattern$/.test(field)) && !value.split('[,]').every((t) => MOODLE2004.shortIdentifier.test(t))) {
      bad('choice tokens must match Moodle\'s [\\w.]{1,250}');
    }
  }
  return out;
}

/** One checker per launch: it follows the session (initialized, finished, journal index). */
export function createChecker(version: Version, startingInteractions = 0, startingObjectiveIds: ReadonlyMap<number, string> = new Map()): Checker {
  const names = METHODS[version];
  let initialized = false;
  let finished = false;
  const journal = { next: startingInteractions };
  const seen2004 = { interactions: new Map<number, Set<string>>(), objectiveIds: new Map(startingObjectiveIds) };
  for (let n = 0; n < startingInteractions; n++) seen2004.interactions.set(n, new Set(['id', 'type']));
  return {
    check(method, args, result, injected) {
      const out: string[] = [];
      const errorCall = (names.errors as readonly string[]).includes(method);
      if (finished && !errorCall) out.push(`${method} called after ${names.terminate}`);
      else if (!initialized && !errorCall && method !== names.initialize) out.push(`${method} called before ${names.initialize}`);
      if (method === names.initialize) {
        if (initialized) out.push(`${names.initialize} called twice`);
        if (result === 'true') initialized = true;
      }
      if (method === names.terminate) finished = true;
      if (!injected && !errorCall && method !== names.getValue && result === 'false') out.push(`${method}(${args.map((a) => JSON.stringify(a.slice(0, 60))).join(', ')}) returned "false"`);
      // an injected refusal never reached the LMS: its data model rules do not apply
      if (method === names.setValue && !injected) out.push(...(version === '1.2' ? checkSet12(args[0], args[1], journal) : checkSet2004(args[0], args[1], seen2004)));
      return out;
    },
  };
}

/** seconds in a 1.2 CMITimespan or a 2004 timeinterval (hours, minutes, seconds only) */
export function timespanSeconds(value: string): number {
  const v12 = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (v12) return Number(v12[1]) * 3600 + Number(v12[2]) * 60 + Number(v12[3]);
  const v04 = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value);
  if (v04) return Number(v04[1] ?? 0) * 3600 + Number(v04[2] ?? 0) * 60 + Number(v04[3] ?? 0);
  return 0;
}
