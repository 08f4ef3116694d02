// The real course content, compiled once per test file, and the seed's answer key.
import { compileContent } from '../../scripts/content/compile.ts';
import type { Course } from '../../src/content/types.ts';

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
