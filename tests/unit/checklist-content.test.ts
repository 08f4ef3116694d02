// The checklist content as the learner gets it, and the build's refusal of a
// broken content/checklist.yaml (file, field, reason).
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/model/codec.ts';
import { keyCollisions, resumeKey } from '../../src/model/keys.ts';
import { CHECKLIST_ANSWERS, emptyState, type LearnerState } from '../../src/model/state.ts';
import { codecIds } from '../../src/app/store.ts';
import { realCourse, rejectionOf } from './fixtures.ts';
import { checklistAreas } from '../../src/views/checklist/areas.ts';

const course = realCourse();
const measurePages = course.pages.filter((p) => p.group !== undefined);

describe('checklist content', () => {
  it('covers the nine measures and the three stronger ones, each with items', () => {
    expect(measurePages.filter((p) => p.group !== 'stronger')).toHaveLength(9);
    expect(measurePages.filter((p) => p.group === 'stronger')).toHaveLength(3);
    for (const page of measurePages) expect(course.checklist.filter((i) => i.area === page.id).length, page.id).toBeGreaterThanOrEqual(3);
    expect(new Set(course.checklist.map((i) => i.area))).toEqual(new Set(measurePages.map((p) => p.id)));
  });

  it('has the granularity of a real self-assessment: 40–80 items', () => {
    expect(course.checklist.length).toBeGreaterThanOrEqual(40);
    expect(course.checklist.length).toBeLessThanOrEqual(80);
  });

  it('names a reference on every item', () => {
    const refsOf = new Map(checklistAreas(course).map((a) => [a.page.id, a.refs]));
    for (const item of course.checklist) {
      const refs = refsOf.get(item.area)!;
      expect(refs.selfCheck.length + refs.criteria.length + (refs.related?.length ?? 0), item.id).toBeGreaterThan(0);
    }
  });

  it('carries the measure page’s own 【セルフチェックシートの項目】 and 【基準該当箇所】 where the page has them', () => {
    for (const area of checklistAreas(course)) if (area.page.refs) expect(area.refs, area.page.id).toEqual(area.page.refs);
    const of = (area: string) => checklistAreas(course).find((a) => a.page.id === area)!.refs;
    expect(of('m_access').selfCheck).toEqual(['共通事項 整理番号33～57']);
    expect(of('m_electronic').criteria[0]).toMatch(/^Ⅴ /);
    // the source gives no self-check range for these two: the criteria stand alone
    expect(of('m_decide')).toEqual({ selfCheck: [], criteria: ['Ⅰ 共通事項 第一 適切な管理をする必要がある技術等情報の特定'] });
    expect(of('m_identify').selfCheck).toEqual([]);
    // the source names no criteria for the stronger measures: the course's own mapping, under its own label
    for (const area of ['s_staged', 's_premises', 's_outsourcing']) expect([of(area).criteria, of(area).related?.length], area).toEqual([[], expect.any(Number)]);
  });

  it('keeps the areas in the course’s order, items grouped by area', () => {
    const order = course.sections.flatMap((s) => s.pages).filter((id) => measurePages.some((p) => p.id === id));
    const areas = course.checklist.map((i) => i.area).filter((a, i, all) => all[i - 1] !== a);
    expect(areas).toEqual(order);
  });

  it('has stable c_ ids with distinct resume-state keys', () => {
    for (const item of course.checklist) expect(item.id).toMatch(/^c_[a-z0-9_]+$/);
    expect(new Set(course.checklist.map((i) => i.id)).size).toBe(course.checklist.length);
    expect(keyCollisions(course.checklist.map((i) => i.id))).toEqual([]);
  });

  it('phrases every item as a statement about one’s own company (「～している」)', () => {
    for (const item of course.checklist) expect(item.text, item.id).toMatch(/[てで]いる(（[^）]+）)?。$/);
  });

  it('fits the resume state: a full checklist costs 4 characters an item and survives a round trip', () => {
    const ids = codecIds(course, course.checklist.map((i) => i.id));
    const full: LearnerState = {
      ...emptyState(),
      visited: course.pages.map((p) => p.id),
      location: '/checklist/result',
      answers: Object.fromEntries(course.quizzes.map((q) => [q.id, q.choices.map((c) => c.id).join('')])),
      stories: Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length, attempts: 9 }])),
      checklist: Object.fromEntries(course.checklist.map((item, i) => [item.id, CHECKLIST_ANSWERS[i % 4]])),
      passed: true,
    };
    const text = encodeState(full);
    const field = text.split('~')[5];
    expect(field).toHaveLength(course.checklist.length * 4);
    // SCORM 1.2's suspend_data limit, with room to spare
    expect(text.length).toBeLessThan(1024);
    expect(decodeState(text, ids).checklist).toEqual(full.checklist);
  });
});

describe('checklist content errors', () => {
  /** change returns the new file text, or null to delete the file */
  const withChecklist = (change: (yaml: string) => string | null) => rejectionOf({ 'checklist.yaml': change });

  it('refuses an area that is not a measure page', () => {
    expect(withChecklist((y) => y.replace('area: m_training', 'area: importance'))).toMatch(
      /content\/checklist\.yaml: areas\.4\.area: "importance" is not a measure page/,
    );
  });

  it('refuses an area with no reference when its page has none', () => {
    const yaml = (y: string) => y.replace(/  - area: s_premises\n    related:\n      - [^\n]+\n/, '  - area: s_premises\n');
    expect(withChecklist(yaml)).toMatch(/content\/checklist\.yaml: areas\.10: no reference: page "s_premises"/);
  });

  it('refuses an id without the c_ prefix and an empty text, naming both', () => {
    const message = withChecklist((y) =>
      y.replace('id: c_decide_mgmt', 'id: decide_mgmt').replace(/(id: c_ident_paper\n\s+text:) [^\n]+/, '$1 ""'),
    );
    expect(message).toMatch(/content\/checklist\.yaml: areas\.0\.items\.0\.id: must start with c_/);
    expect(message).toMatch(/content\/checklist\.yaml: areas\.1\.items\.0\.text: must not be empty/);
  });

  it('refuses the same item id twice', () => {
    expect(withChecklist((y) => y.replace('id: c_acc_review', 'id: c_acc_rights'))).toMatch(
      /content\/checklist\.yaml: id: checklist item id "c_acc_rights" is used twice/,
    );
  });

  it('refuses two item ids that share a resume-state key', () => {
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair; n++) {
      const id = `c_k${n}`;
      const other = seen.get(resumeKey(id));
      if (other) pair = [other, id];
      else seen.set(resumeKey(id), id);
    }
    const message = withChecklist((y) => y.replace('id: c_out_partial', `id: ${pair![0]}`).replace('id: c_out_contract', `id: ${pair![1]}`));
    expect(message).toContain(`checklist item ids "${pair[0]}" and "${pair[1]}" share a resume-state key`);
  });

  it('refuses a checklist with no areas, and a missing checklist file', () => {
    expect(withChecklist(() => 'areas: []\n')).toMatch(/content\/checklist\.yaml: areas: /);
    expect(withChecklist(() => null)).toMatch(/content\/checklist\.yaml: file is missing/);
  });
});
