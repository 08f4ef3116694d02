// The self-check result: where the company stands on each measure. Pure; no DOM,
// no LMS. It never touches the quiz score.
//
// An area's percentage is the mean credit of its answered items, 該当なし left
// out. Unanswered items are left out the same way — a half-filled checklist
// shows what is known so far rather than counting the gaps as 未実施 — and are
// reported separately (answered < total) so a view can say the picture is
// incomplete.
import type { ChecklistItem } from '../content/types.ts';
import type { ChecklistAnswer } from './state.ts';

/** Credit per answer; null: the item does not apply and is not scored. */
export const ANSWER_CREDIT: Readonly<Record<ChecklistAnswer, number | null>> = {
  done: 1,
  partial: 0.5,
  not: 0,
  na: null,
};

/** Answers that leave work to do: the report's open items. */
export const OPEN_ANSWERS: readonly ChecklistAnswer[] = ['not', 'partial'];

export interface AreaScore {
  /** the measure page id */
  areaId: string;
  /** 0–100, rounded; null when no answered item applies */
  percent: number | null;
  answered: number;
  total: number;
  counts: Record<ChecklistAnswer, number>;
  /** sum of credits and the number of items behind it; percent = credit / scored */
  credit: number;
  scored: number;
}

export type Answers = Readonly<Record<string, ChecklistAnswer>>;

/** Areas in the order the items come (the course's page order). */
export function areaIds(items: readonly ChecklistItem[]): string[] {
  return [...new Set(items.map((i) => i.area))];
}

export function areaScores(items: readonly ChecklistItem[], answers: Answers): AreaScore[] {
  return areaIds(items).map((areaId) => {
    const counts: Record<ChecklistAnswer, number> = { done: 0, partial: 0, not: 0, na: 0 };
    let credit = 0;
    let scored = 0;
    let total = 0;
    for (const item of items) {
      if (item.area !== areaId) continue;
      total++;
      const answer = answers[item.id];
      if (answer === undefined) continue;
      counts[answer]++;
      const c = ANSWER_CREDIT[answer];
      if (c === null) continue;
      credit += c;
      scored++;
    }
    const answered = counts.done + counts.partial + counts.not + counts.na;
    const percent = scored === 0 ? null : Math.round((credit * 100) / scored);
    return { areaId, percent, answered, total, counts, credit, scored };
  });
}

/**
 * The mean of the areas' ratios, each area weighing the same: a measure with
 * ten items must not outweigh one with three. Areas with no score are skipped;
 * null when none has one.
 */
export function overallPercent(scores: readonly AreaScore[]): number | null {
  const rated = scores.filter((s) => s.scored > 0);
  if (rated.length === 0) return null;
  const mean = rated.reduce((sum, s) => sum + s.credit / s.scored, 0) / rated.length;
  return Math.round(mean * 100);
}

export interface Level {
  /** 1 (lowest) to 4 */
  rank: 1 | 2 | 3 | 4;
  /** lowest overall percent of this level */
  min: number;
  label: string;
  advice: string;
}

/** Highest first; the first whose min the overall percent reaches applies. */
export const LEVELS: readonly Level[] = [
  { rank: 4, min: 90, label: '十分な水準', advice: '必要な対策はおおむね実施されています。定期的に実施状況を見直し、この水準を保ちましょう。' },
  { rank: 3, min: 70, label: 'おおむね実施', advice: '基本的な対策は実施されています。一部実施・未実施の項目を優先して補いましょう。' },
  { rank: 2, min: 40, label: '取組途上', advice: '対策が部分的にとどまっています。実施率の低い対策から順に取り組みましょう。' },
  { rank: 1, min: 0, label: '要対策', advice: '多くの対策が未実施です。まず「対策を進めるための事前準備」から取り組みましょう。' },
];

export function levelOf(percent: number): Level {
  return LEVELS.find((l) => percent >= l.min) ?? LEVELS[LEVELS.length - 1];
}

/**
 * Areas with room to improve, lowest percentage first; equal ones keep the
 * course order. Areas at 100% or with no score are left out.
 */
export function weakestAreas(scores: readonly AreaScore[]): AreaScore[] {
  return scores
    .map((s, order) => ({ s, order }))
    .filter(({ s }) => s.scored > 0 && s.credit < s.scored)
    .sort((a, b) => a.s.credit / a.s.scored - b.s.credit / b.s.scored || a.order - b.order)
    .map(({ s }) => s);
}

/** Items answered 未実施 or 一部実施, in course order. */
export function openItems(items: readonly ChecklistItem[], answers: Answers): ChecklistItem[] {
  return items.filter((i) => {
    const a = answers[i.id];
    return a !== undefined && OPEN_ANSWERS.includes(a);
  });
}
