// The real course content, compiled once per test file, the seed's answer key
// and variants of the content. (The worst-case resume state, which the bench
// measures too, is in scripts/bench/worst-case.ts.)
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileContent } from '../../scripts/content/compile.ts';
import * as sa12 from 'scorm-again/scorm12';
import * as sa2004 from 'scorm-again/scorm2004';
import type { Course } from '../../src/content/types.ts';

/** scorm-again's API object as the unit tests drive it */
export type ScormAgainApi = Record<string, (...a: string[]) => string> & { loadFromFlattenedJSON(d: object): void; getFlattenedCMI(): Record<string, unknown> };
type ScormAgainCtor = new (settings: object) => ScormAgainApi;
// the package's ESM build exports the class by name, its CJS build as default
const ctor = (m: object, name: string) => ((m as Record<string, unknown>)[name] ?? (m as { default: unknown }).default) as ScormAgainCtor;
/** the LMS side of the unit tests: scorm-again's API class per version */
export const SCORM_AGAIN: Readonly<Record<'1.2' | '2004', ScormAgainCtor>> = { '1.2': ctor(sa12, 'Scorm12API'), '2004': ctor(sa2004, 'Scorm2004API') };

let cached: Course | undefined;
export function realCourse(): Course {
  cached ??= compileContent('content');
  return cached;
}

/** The seed's ＜解答＞ for every quiz, as choice letters (1 → a, 2 → b, …). */
export const SEED_KEYS: Record<string, string> = {
  q1_1: 'abc', q1_2: 'a', q1_3: 'c',
  q2_1: 'a', q2_2: 'abc', q2_3: 'abc',
  q3_1: 'ac', q3_2: 'bc', q3_3: 'ac', q3_4: 'abc', q3_5: 'abc', q3_6: 'bc', q3_7: 'bc', q3_8: 'b', q3_9: 'bc', q3_10: 'abc',
  q4_1: 'bc', q4_2: 'abc', q4_3: 'c',
};

export type ContentEdits = Record<string, (text: string) => string | Uint8Array | null>;

/**
 * A copy of content/ under `dir` with some files changed (a function returns
 * the new text or bytes, or null to delete the file); returns the copy's path.
 */
export function variantContent(dir: string, edits: ContentEdits): string {
  const root = join(dir, 'content');
  cpSync('content', root, { recursive: true });
  for (const [file, change] of Object.entries(edits)) {
    const path = join(root, file);
    const text = change(existsSync(path) ? readFileSync(path, 'utf8') : '');
    if (text === null) rmSync(path);
    else writeFileSync(path, text);
  }
  return root;
}

/**
 * Compiles a copy of content/ with some files changed and returns the build's
 * error message. Fails the test when the changed content is accepted.
 */
export function rejectionOf(edits: ContentEdits): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  try {
    const root = variantContent(dir, edits);
    try {
      compileContent(root);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the changed content to be rejected');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** this browser's localStorage, as far as the tracker uses it */
export function browserStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}
