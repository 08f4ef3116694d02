// The real course content, compiled once per test file, and the seed's answer key.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileContent } from '../../scripts/content/compile.ts';
import { routePath, type Route } from '../../src/app/routes.ts';
import type { Course } from '../../src/content/types.ts';
import { CHECKLIST_ANSWERS, type LearnerState } from '../../src/model/state.ts';

let cached: Course | undefined;
export function realCourse(): Course {
  cached ??= compileContent('content');
  return cached;
}

/**
 * The largest resume state the course can produce: every page visited, the
 * longest route as location, every quiz with all its choices ticked, every
 * story at its most attempts, every checklist item answered, a pass recorded.
 * The codec test and `npm run bench` both measure this one.
 */
export function worstCaseState(course: Course, checklist: readonly string[]): LearnerState {
  const routes: Route[] = [
    ...course.pages.map((p) => ({ name: 'page' as const, id: p.id })),
    ...course.stories.flatMap((s) => [{ name: 'story' as const, id: s.id }, { name: 'result' as const, id: s.id }]),
    ...course.quizzes.map((q) => ({ name: 'quiz' as const, id: q.id })),
    ...course.checklist.map((c) => ({ name: 'checklistArea' as const, id: c.area })),
    { name: 'checklistResult' },
  ];
  return {
    visited: course.pages.map((p) => p.id),
    location: routes.map(routePath).sort((a, b) => b.length - a.length)[0],
    answers: Object.fromEntries(course.quizzes.map((q) => [q.id, q.choices.map((c) => c.id).join('')])),
    stories: Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length, attempts: 999 }])),
    checklist: Object.fromEntries(checklist.map((id, i) => [id, CHECKLIST_ANSWERS[i % CHECKLIST_ANSWERS.length]])),
    passed: true,
    completedOn: '20261231',
  };
}

/** The seed's ＜解答＞ for every quiz, as choice letters (1 → a, 2 → b, …). */
export const SEED_KEYS: Record<string, string> = {
  q1_1: 'abc', q1_2: 'a', q1_3: 'c',
  q2_1: 'a', q2_2: 'abc', q2_3: 'abc',
  q3_1: 'ac', q3_2: 'bc', q3_3: 'ac', q3_4: 'abc', q3_5: 'abc', q3_6: 'bc', q3_7: 'bc', q3_8: 'b', q3_9: 'bc', q3_10: 'abc',
  q4_1: 'bc', q4_2: 'abc', q4_3: 'c',
};

/**
 * Compiles a copy of content/ with some files changed (a function returns the
 * new text or bytes, or null to delete the file) and returns the build's error message.
 * Fails the test when the changed content is accepted.
 */
export function rejectionOf(edits: Record<string, (text: string) => string | Uint8Array | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  try {
    const root = join(dir, 'content');
    cpSync('content', root, { recursive: true });
    for (const [file, change] of Object.entries(edits)) {
      const path = join(root, file);
      const text = change(existsSync(path) ? readFileSync(path, 'utf8') : '');
      if (text === null) rmSync(path);
      else writeFileSync(path, text);
    }
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
