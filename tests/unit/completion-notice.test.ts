// The step that completes the course can be any page or quiz; the learner is
// told there, once, with the way to the 修了証.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import { realCourse, SCORM_AGAIN, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const passedNotice = (store: ReturnType<typeof createStore>) => store.get().notices.find((n) => n.id === 'passed');

describe('the completion notice', () => {
  it('appears with the step that completes the course (the last page read after the pass mark), leads to #/complete, and goes once that is open', () => {
    const api = new SCORM_AGAIN['2004']({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    const store = createStore(course, createScormTracker(scorm2004, api, course, { log: () => {} }), '');
    for (const q of course.quizzes) store.answer(q.id, [...SEED_KEYS[q.id]]);
    for (const p of course.pages.slice(0, -1)) store.navigate(`#/p/${p.id}`);
    expect(store.get().progress.status).not.toBe('passed');
    expect(passedNotice(store)).toBeUndefined();
    store.navigate(`#/p/${course.pages.at(-1)!.id}`);
    expect(store.get().progress.status).toBe('passed');
    expect(passedNotice(store)).toMatchObject({ level: 'success', link: { href: '#/complete', label: course.ui.menu.certificate } });
    store.navigate('#/');
    expect(passedNotice(store)).toBeDefined();
    store.navigate('#/complete');
    expect(passedNotice(store)).toBeUndefined();
    store.navigate('#/');
    expect(passedNotice(store)).toBeUndefined();
  });
});
