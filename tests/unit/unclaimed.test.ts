// Work left in this browser by a session no LMS knew the learner of (Initialize
// failed, no API) is offered to the next launch through the LMS, and taken in
// only when the learner says it is theirs: on a shared PC the next learner is
// often someone else. Real scorm-again behind the real tracker and store.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import { mirrorKey, UNCLAIMED } from '../../src/tracking/mirror.ts';
import { browserStorage, realCourse, SCORM_AGAIN, SEED_KEYS } from './fixtures.ts';

const course = realCourse();
const silent = () => {};
const now = (work: () => boolean) => {
  while (work());
};

for (const dialect of [scorm12, scorm2004]) {
  describe(`SCORM ${dialect.version}: work nobody claimed`, () => {
    const idElement = dialect.version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id';
    const count = 'cmi.interactions._count';
    const unclaimedKey = mirrorKey(course.meta.id, dialect.version, UNCLAIMED);

    /** learner A on a shared PC: the LMS refuses Initialize; two answers and a page stay in this browser */
    function leftByA(storage: Storage) {
      const api = new SCORM_AGAIN[dialect.version]({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      api[dialect.methods.initialize] = () => 'false';
      const tracker = createScormTracker(dialect, api, course, { storage, log: silent, schedule: now });
      const store = createStore(course, tracker, '');
      expect(store.get().notices.map((n) => n.id)).toContain('lms-unavailable');
      store.navigate('#/p/importance');
      for (const q of ['q1_1', 'q1_2']) store.answer(q, [...SEED_KEYS[q]]);
      store.flush();
      tracker.finish();
      expect(storage.getItem(unclaimedKey)).toContain('q1_1');
    }

    /** the next launch through a working LMS, as learner `id` */
    function launchAs(storage: Storage, id: string) {
      const api = new SCORM_AGAIN[dialect.version]({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
      api.loadFromFlattenedJSON({ [idElement]: id });
      let commits = 0;
      const commit = api[dialect.methods.commit].bind(api);
      api[dialect.methods.commit] = (arg: string) => {
        commits++;
        return commit(arg);
      };
      const tracker = createScormTracker(dialect, api, course, { storage, log: silent, schedule: now });
      const store = createStore(course, tracker, '');
      const get = (element: string) => api[dialect.methods.getValue](element);
      return { api, tracker, store, get, commits: () => commits, notice: () => store.get().notices.find((n) => n.id === 'unclaimed') };
    }

    it('is offered, not taken: nothing of it reaches the next learner or the LMS until they say it is theirs; then all of it does', () => {
      const storage = browserStorage();
      leftByA(storage);
      const b = launchAs(storage, 'learner_b');
      const notice = b.notice();
      expect(notice?.params).toMatchObject({ pages: 1, quizzes: 2 });
      // when it was saved, in the words of content/ui.yaml (claim.savedAt): today, at a time
      const now = new Date();
      expect(String(notice?.params?.when)).toMatch(new RegExp(`^${now.getMonth() + 1}月${now.getDate()}日 \\d{1,2}:\\d{2}$`));
      expect(b.store.get().state.answers).toEqual({});
      b.store.navigate('#/p/check');
      b.store.flush();
      expect(b.get(count)).toBe('0');
      expect(storage.getItem(unclaimedKey)).not.toBeNull();

      // taken in, its answers are committed at once, as a new answer is, not a minute later with the pages
      const commits = b.commits();
      notice!.actions![0].run();
      expect(b.commits()).toBeGreaterThan(commits);
      expect(b.get(count)).toBe('2');
      b.store.flush();
      expect(b.notice()).toBeUndefined();
      expect(Object.keys(b.store.get().state.answers).sort()).toEqual(['q1_1', 'q1_2']);
      expect(b.store.get().state.visited).toEqual(expect.arrayContaining(['importance', 'check']));
      expect(b.get(count)).toBe('2');
      // (1.2 interaction fields are write-only: the count says it there)
      if (dialect.version === '2004') expect([b.get('cmi.interactions.0.id'), b.get('cmi.interactions.1.id')].sort()).toEqual(['q1_1', 'q1_2']);
      expect(storage.getItem(unclaimedKey)).toBeNull();
      b.tracker.finish();
    });

    it('said not to be theirs, it is deleted and never reaches the LMS', () => {
      const storage = browserStorage();
      leftByA(storage);
      const b = launchAs(storage, 'learner_b');
      b.notice()!.actions![1].run();
      b.store.flush();
      expect(b.notice()).toBeUndefined();
      expect(b.store.get().state.answers).toEqual({});
      expect(b.get(count)).toBe('0');
      expect(storage.getItem(unclaimedKey)).toBeNull();
      b.tracker.finish();
      // and the next launch is not asked again
      expect(launchAs(storage, 'learner_c').notice()).toBeUndefined();
    });
  });
}
