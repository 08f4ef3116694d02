// Per-area self-check scoring: 実施済み 1, 一部実施 0.5, 未実施 0, 該当なし and
// unanswered left out; the overall level; the weakest areas; the open items.
import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../src/content/types.ts';
import { realCourse } from './fixtures.ts';
import { areaIds, areaScores, levelOf, openItems, overallPercent, weakestAreas } from '../../src/model/checklist.ts';
import type { ChecklistAnswer } from '../../src/model/state.ts';

const item = (id: string, area: string): ChecklistItem => ({ id, area, text: `${id}をしている。` });

// three areas of 4, 2 and 3 items, in this order
const ITEMS: ChecklistItem[] = [
  item('c_a1', 'm_one'),
  item('c_a2', 'm_one'),
  item('c_a3', 'm_one'),
  item('c_a4', 'm_one'),
  item('c_b1', 'm_two'),
  item('c_b2', 'm_two'),
  item('c_c1', 's_three'),
  item('c_c2', 's_three'),
  item('c_c3', 's_three'),
];

const byArea = (answers: Record<string, ChecklistAnswer>) => Object.fromEntries(areaScores(ITEMS, answers).map((s) => [s.areaId, s]));

describe('area scores', () => {
  it('keeps the areas in the order of the items', () => {
    expect(areaIds(ITEMS)).toEqual(['m_one', 'm_two', 's_three']);
    expect(areaScores(ITEMS, {}).map((s) => s.areaId)).toEqual(['m_one', 'm_two', 's_three']);
  });

  it('credits done 1, partial 0.5, not 0 and averages over the scored items', () => {
    // m_one: 1 + 0.5 + 0 + 1 = 2.5 of 4 → 62.5 → 63
    const s = byArea({ c_a1: 'done', c_a2: 'partial', c_a3: 'not', c_a4: 'done' }).m_one;
    expect(s.percent).toBe(63);
    expect(s.credit).toBe(2.5);
    expect(s.scored).toBe(4);
    expect(s.answered).toBe(4);
    expect(s.total).toBe(4);
    expect(s.counts).toEqual({ done: 2, partial: 1, not: 1, na: 0 });
  });

  it('leaves 該当なし out of the percentage but counts it as answered', () => {
    // 1 + 0 over 2 scored items: 50, not 1 of 3
    const s = byArea({ c_c1: 'done', c_c2: 'na', c_c3: 'not' }).s_three;
    expect(s.percent).toBe(50);
    expect(s.scored).toBe(2);
    expect(s.answered).toBe(3);
    expect(s.counts.na).toBe(1);
  });

  it('leaves unanswered items out of the percentage and reports them as not answered', () => {
    const s = byArea({ c_a1: 'partial' }).m_one;
    expect(s.percent).toBe(50);
    expect(s.answered).toBe(1);
    expect(s.total).toBe(4);
  });

  it('has no percentage for an area that is all 該当なし or not answered at all', () => {
    const scores = byArea({ c_b1: 'na', c_b2: 'na' });
    expect(scores.m_two.percent).toBeNull();
    expect(scores.m_two.answered).toBe(2);
    expect(scores.m_one.percent).toBeNull();
    expect(scores.m_one.answered).toBe(0);
  });

  it('gives 0 and 100 at the ends', () => {
    const scores = byArea({ c_b1: 'not', c_b2: 'not', c_c1: 'done', c_c2: 'done', c_c3: 'na' });
    expect(scores.m_two.percent).toBe(0);
    expect(scores.s_three.percent).toBe(100);
  });

  it('ignores answers to items that are not in the list', () => {
    const s = byArea({ c_gone: 'done', c_b1: 'not' }).m_two;
    expect(s.answered).toBe(1);
    expect(s.percent).toBe(0);
  });
});

describe('overall percentage', () => {
  it('weighs every scored area the same, whatever its number of items', () => {
    // m_one 4/4 done = 1, m_two 0/1 = 0, s_three nothing scored → (1 + 0) / 2
    const scores = areaScores(ITEMS, { c_a1: 'done', c_a2: 'done', c_a3: 'done', c_a4: 'done', c_b1: 'not', c_c1: 'na' });
    expect(overallPercent(scores)).toBe(50);
  });

  it('averages the exact ratios, not the rounded percentages', () => {
    // m_one 2/3 (shown 67), m_two 1/2 (50): exact mean 58.3 → 58; the shown figures would give 58.5 → 59
    const scores = areaScores(ITEMS, { c_a1: 'done', c_a2: 'done', c_a3: 'not', c_b1: 'done', c_b2: 'not' });
    expect(scores.map((s) => s.percent)).toEqual([67, 50, null]);
    expect(overallPercent(scores)).toBe(58);
  });

  it('is null when nothing can be scored', () => {
    expect(overallPercent(areaScores(ITEMS, {}))).toBeNull();
    expect(overallPercent(areaScores(ITEMS, { c_a1: 'na' }))).toBeNull();
  });
});

describe('overall level', () => {
  const LEVELS = realCourse().checklistLevels;
  it('has four levels in content/checklist.yaml, highest first, ranked 4 to 1, the last starting at 0', () => {
    expect(LEVELS.map((l) => l.rank)).toEqual([4, 3, 2, 1]);
    expect(LEVELS[LEVELS.length - 1].min).toBe(0);
  });

  it('changes exactly at the thresholds', () => {
    const rank = (p: number) => levelOf(LEVELS, p).rank;
    expect([0, 39, 40, 69, 70, 89, 90, 100].map(rank)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(levelOf(LEVELS, 100).label).toBe('十分な水準');
    expect(levelOf(LEVELS, 10).label).toBe('要対策');
  });
});

describe('weakest areas', () => {
  it('lists areas below 100%, lowest first, ties in course order', () => {
    const scores = areaScores(ITEMS, {
      c_a1: 'partial', c_a2: 'partial', // m_one 50
      c_b1: 'done', c_b2: 'not', // m_two 50
      c_c1: 'not', c_c2: 'not', c_c3: 'partial', // s_three 17
    });
    expect(weakestAreas(scores).map((s) => s.areaId)).toEqual(['s_three', 'm_one', 'm_two']);
  });

  it('puts three first, however many are short of 100%', () => {
    const items = realCourse().checklist;
    const areas = areaIds(items);
    expect(areas.length).toBeGreaterThan(3);
    const last = areas.at(-1)!;
    // every area half done, the last not at all
    const answers = Object.fromEntries(items.map((i) => [i.id, i.area === last ? 'not' : 'partial'] as const));
    expect(weakestAreas(areaScores(items, answers)).map((s) => s.areaId)).toEqual([last, areas[0], areas[1]]);
  });

  it('leaves out areas at 100% and areas with no score', () => {
    const scores = areaScores(ITEMS, { c_a1: 'done', c_b1: 'na', c_c1: 'partial' });
    expect(weakestAreas(scores).map((s) => s.areaId)).toEqual(['s_three']);
  });
});

describe('open items', () => {
  it('are the 未実施 and 一部実施 answers, in course order', () => {
    const open = openItems(ITEMS, { c_c1: 'not', c_a2: 'partial', c_a1: 'done', c_b1: 'na' });
    expect(open.map((i) => i.id)).toEqual(['c_a2', 'c_c1']);
  });
});
