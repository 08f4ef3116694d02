// Resume-state encoding. SCORM 1.2 gives suspend_data 4,096 characters, so the
// state is written as short fields of printable ASCII rather than JSON:
//
//   3~<visited>~<location>~<answers>~<stories>~<checklist>~<flags>~<stamp>~<begun>
//
//   visited   page keys, 3 chars each
//   location  the route, [A-Za-z0-9_/-]
//   answers   quiz key + chosen letters as a 2-digit base-36 bitmask (a = bit 0)
//   stories   story key + best (1 base-36 digit) + attempts (1 base-36 digit, capped)
//   checklist item key + answer digit (index in CHECKLIST_ANSWERS)
//   flags     "p" when a pass has been recorded, then the day it was first
//             recorded as YYYYMMDD (the certificate's date), when known; a
//             state saved before that day was kept has only the "p"
//   stamp     when this state was saved, ms since 1970 in base 36: of two
//             copies (the LMS's, this browser's) the later one wins
//   begun     when the attempt this state belongs to was first saved, the
//             same way: two copies of one attempt are merged, while a copy of
//             an earlier attempt never reaches into a new one (an LMS starts
//             a new attempt with an empty record, which begins a new origin)
//
// Version 2 (the same without begun) is still read, its attempt unknown;
// version 1 (without the stamp either) as stamp 0.
// Keys are derived from ids (keys.ts), so content edits do not scramble saved
// progress: entries whose id no longer exists are dropped on decode.
import { KEY_LENGTH, resumeKey } from './keys.ts';
import { CHECKLIST_ANSWERS, emptyState, type ChecklistAnswer, type LearnerState, type StoryRecord } from './state.ts';

export const CODEC_VERSION = '3';
const SEP = '~';
const FIELD_COUNT: Record<string, number> = { '1': 7, '2': 8, '3': 9 };
/** where the stamp and the attempt's beginning are among the fields */
const STAMP_FIELD = 7;
const BEGUN_FIELD = 8;
const TIME = /^[0-9a-z]{1,11}$/;
const time36 = (ms: number) => Math.max(0, Math.floor(ms)).toString(36);
const MAX_DIGIT = 35;
const LOCATION = /^[A-Za-z0-9_/-]*$/;

export interface CodecIds {
  pages: readonly string[];
  quizzes: readonly string[];
  stories: readonly string[];
  checklist: readonly string[];
}

export class CodecError extends Error {
  override name = 'CodecError';
}

const digit = (n: number) => Math.max(0, Math.min(MAX_DIGIT, Math.floor(n))).toString(36);

function letterMask(letters: string): string {
  let mask = 0;
  for (const ch of letters) mask |= 1 << (ch.charCodeAt(0) - 97);
  if (mask >= 36 * 36) throw new CodecError(`choices "${letters}" do not fit the encoding (a–j only)`);
  return mask.toString(36).padStart(2, '0');
}

function maskLetters(mask: number): string {
  let out = '';
  for (let bit = 0; bit < 10; bit++) if (mask & (1 << bit)) out += String.fromCharCode(97 + bit);
  return out;
}

const DAY = /^\d{8}$/;

export function encodeState(state: LearnerState, stamp = 0, begun = 0): string {
  if (state.completedOn !== undefined && !DAY.test(state.completedOn)) throw new CodecError(`completedOn "${state.completedOn}" is not YYYYMMDD`);
  if (!LOCATION.test(state.location)) throw new CodecError(`location "${state.location}" has characters the encoding does not allow`);
  const visited = state.visited.map(resumeKey).join('');
  const answers = Object.entries(state.answers)
    .map(([id, sel]) => resumeKey(id) + letterMask(sel))
    .join('');
  const stories = Object.entries(state.stories)
    .map(([id, r]) => resumeKey(id) + digit(r.best) + digit(r.attempts))
    .join('');
  const checklist = Object.entries(state.checklist)
    .map(([id, a]) => resumeKey(id) + CHECKLIST_ANSWERS.indexOf(a))
    .join('');
  const flags = (state.passed ? 'p' : '') + (state.completedOn ?? '');
  return [CODEC_VERSION, visited, state.location, answers, stories, checklist, flags, time36(stamp), time36(begun)].join(SEP);
}

function chunks(field: string, size: number, name: string, pattern: RegExp): string[] {
  if (field.length % size !== 0 || !pattern.test(field)) throw new CodecError(`field ${name} is malformed`);
  const out: string[] = [];
  for (let i = 0; i < field.length; i += size) out.push(field.slice(i, i + size));
  return out;
}

function lookup(ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id) => [resumeKey(id), id]));
}

/** A time field: 0 where the version has none; -1 for text this codec did not write. */
function timeField(text: string, index: number): number {
  const fields = text.split(SEP);
  if (FIELD_COUNT[fields[0]] !== fields.length) return -1;
  if (index >= fields.length) return 0;
  return TIME.test(fields[index]) ? parseInt(fields[index], 36) : -1;
}

/** When the encoded state was saved (0: unknown or version 1); -1 for text this codec did not write. */
export const stateStamp = (text: string): number => timeField(text, STAMP_FIELD);

/**
 * When the attempt the encoded state belongs to was first saved (0: unknown,
 * as in versions 1 and 2); -1 for text this codec did not write. Two copies of
 * one attempt have the same.
 */
export const stateBegun = (text: string): number => timeField(text, BEGUN_FIELD);

/**
 * Whether the encoded state holds this answer: a quiz's letters (`id` the
 * quiz's, its current attempt) or a checklist item's answer. SCORM 1.2 keeps
 * interaction ids write-only, so what a state holds is what tells whether an
 * answer reached the LMS with it.
 */
export function holdsAnswer(text: string, id: string, response: string, checklist: boolean): boolean {
  const fields = text.split(SEP);
  if (FIELD_COUNT[fields[0]] !== fields.length) return false;
  const entry = resumeKey(id) + (checklist ? CHECKLIST_ANSWERS.indexOf(response as ChecklistAnswer) : letterMask(response));
  const field = fields[checklist ? 5 : 3];
  for (let i = 0; i < field.length; i += entry.length) if (field.startsWith(entry, i)) return true;
  return false;
}

/** Throws CodecError for anything that is not a state this codec wrote. */
export function decodeState(text: string, ids: CodecIds): LearnerState {
  const fields = text.split(SEP);
  const count = FIELD_COUNT[fields[0]];
  if (count === undefined) throw new CodecError(`unknown version "${fields[0].slice(0, 8)}"`);
  if (fields.length !== count) throw new CodecError(`expected ${count} fields, found ${fields.length}`);
  if (stateStamp(text) < 0) throw new CodecError('field stamp is malformed');
  const [, visitedF, location, answersF, storiesF, checklistF, flags] = fields;
  if (!LOCATION.test(location)) throw new CodecError('field location is malformed');
  const flagParts = /^(p?)(\d{8})?$/.exec(flags);
  if (!flagParts) throw new CodecError('field flags is malformed');
  const b36 = '[0-9a-z]';
  const pages = lookup(ids.pages);
  const quizzes = lookup(ids.quizzes);
  const stories = lookup(ids.stories);
  const items = lookup(ids.checklist);
  const state = emptyState();
  state.location = location;
  state.passed = flagParts[1] === 'p';
  if (flagParts[2]) state.completedOn = flagParts[2];
  for (const k of chunks(visitedF, KEY_LENGTH, 'visited', new RegExp(`^${b36}*$`))) {
    const id = pages.get(k);
    if (id && !state.visited.includes(id)) state.visited.push(id);
  }
  for (const c of chunks(answersF, KEY_LENGTH + 2, 'answers', new RegExp(`^${b36}*$`))) {
    const id = quizzes.get(c.slice(0, KEY_LENGTH));
    const letters = maskLetters(parseInt(c.slice(KEY_LENGTH), 36));
    if (id && letters) state.answers[id] = letters;
  }
  for (const c of chunks(storiesF, KEY_LENGTH + 2, 'stories', new RegExp(`^${b36}*$`))) {
    const id = stories.get(c.slice(0, KEY_LENGTH));
    const record: StoryRecord = { best: parseInt(c[KEY_LENGTH], 36), attempts: Math.max(1, parseInt(c[KEY_LENGTH + 1], 36)) };
    if (id) state.stories[id] = record;
  }
  for (const c of chunks(checklistF, KEY_LENGTH + 1, 'checklist', new RegExp(`^(${b36}{${KEY_LENGTH}}[0-3])*$`))) {
    const id = items.get(c.slice(0, KEY_LENGTH));
    if (id) state.checklist[id] = CHECKLIST_ANSWERS[Number(c[KEY_LENGTH])];
  }
  return state;
}
