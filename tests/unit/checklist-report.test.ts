// checklist.report (course.yaml): each checklist answer goes to the LMS as a
// likert interaction for HR — against real scorm-again, both versions — and
// the course's status and score are exactly what they are without it.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/app/store.ts';
import type { Course } from '../../src/content/types.ts';
import { createScormTracker } from '../../src/tracking/scorm-tracker.ts';
import { scorm12 } from '../../src/tracking/scorm12.ts';
import { scorm2004 } from '../../src/tracking/scorm2004.ts';
import { realCourse, SEED_KEYS, SCORM_AGAIN } from './fixtures.ts';
import { withPhraseMarks } from '../../scripts/content/phrases.ts';

const base = realCourse();
const withReport = (report: boolean): Course => ({ ...base, meta: { ...base.meta, checklist: { report } } });

const VERSIONS = [
  { version: '1.2', dialect: scorm12, Api: SCORM_AGAIN['1.2'], response: 'student_response', status: ['cmi.core.lesson_status'], score: 'cmi.core.score.raw' },
  { version: '2004', dialect: scorm2004, Api: SCORM_AGAIN['2004'], response: 'learner_response', status: ['cmi.completion_status', 'cmi.success_status'], score: 'cmi.score.raw' },
] as const;

/** story 1 answered right, three checklist answers, one of them changed, one cleared */
function journey(v: (typeof VERSIONS)[number], course: Course) {
  const api = new v.Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  const tracker = createScormTracker(v.dialect, api, course, { log: () => {} });
  const store = createStore(course, tracker, '');
  const [a, b, c] = course.checklist;
  for (const q of course.quizzes.filter((q) => q.story === 'story1')) store.answer(q.id, [...SEED_KEYS[q.id]]);
  store.setChecklist(a.id, 'done');
  store.setChecklist(b.id, 'not');
  store.setChecklist(b.id, 'partial');
  store.setChecklist(c.id, 'na');
  store.setChecklist(c.id, undefined);
  store.flush();
  tracker.finish();
  const cmi = api.getFlattenedCMI() as Record<string, string>;
  const interactions = [];
  for (let n = 0; cmi[`cmi.interactions.${n}.id`] !== undefined; n++) {
    const f = (name: string) => cmi[`cmi.interactions.${n}.${name}`];
    interactions.push({ id: f('id'), type: f('type'), response: f(v.response), result: f('result'), weighting: f('weighting') });
  }
  return { cmi, interactions, items: [a, b, c] };
}

for (const v of VERSIONS) {
  describe(`checklist.report in SCORM ${v.version}, scorm-again`, () => {
    it('sends each answer given as a likert interaction with a neutral result, after the quiz answers, and changes neither status nor score', () => {
      const on = journey(v, withReport(true));
      const off = journey(v, withReport(false));
      const [a, b, c] = on.items;
      const quizCount = base.quizzes.filter((q) => q.story === 'story1').length;
      expect(off.interactions.every((i) => i.type === 'choice')).toBe(true);
      expect(off.interactions).toHaveLength(quizCount);
      expect(on.interactions.slice(0, quizCount)).toEqual(off.interactions);
      // every answer as given, the change too (HR reads the latest); a cleared answer sends nothing
      expect(on.interactions.slice(quizCount)).toEqual([
        { id: a.id, type: 'likert', response: 'done', result: 'neutral', weighting: '0' },
        { id: b.id, type: 'likert', response: 'not', result: 'neutral', weighting: '0' },
        { id: b.id, type: 'likert', response: 'partial', result: 'neutral', weighting: '0' },
        { id: c.id, type: 'likert', response: 'na', result: 'neutral', weighting: '0' },
      ]);
      for (const el of [...v.status, v.score]) expect(on.cmi[el], el).toBe(off.cmi[el]);
      expect(on.cmi[v.score]).not.toBe('');
    });
  });
}

it('SCORM 2004: the description names the measure and the item as written, within 250 characters', () => {
  // the course as the page gets it, its statements carrying phrase marks
  const { cmi } = journey(VERSIONS[1], withPhraseMarks(withReport(true)));
  const item = base.checklist[0];
  const n = Object.keys(cmi).find((k) => k.endsWith('.id') && cmi[k] === item.id)!.split('.')[2];
  const area = base.pages.find((p) => p.id === item.area)!;
  const description = cmi[`cmi.interactions.${n}.description`];
  expect(description.startsWith(`${area.navLabel}：`)).toBe(true);
  expect(description).not.toContain('\u200b');
  expect(item.text.startsWith(description.slice(area.navLabel.length + 1).replace(/…$/, ''))).toBe(true);
  expect(description.length).toBeLessThanOrEqual(250);
});
