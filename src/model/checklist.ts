// The self-check result: where the company stands on each measure. Pure; no DOM,
// no LMS. It never touches the quiz score.
//
// An area's percentage is the mean credit of its answered items, 該当なし left
// out. Unanswered items are left out the same way — a half-filled checklist
// shows what is known so far rather than counting the gaps as 未実施 — and are
// reported separately (answered < total) so a view can say the picture is
// incomplete.
import type { ChecklistItem, Level } from '../content/types.ts';
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
    let answered = 0;
    for (const item of items) {
      if (item.area !== areaId) continue;
      total++;
      const answer = answers[item.id];
      if (answer === undefined) continue;
      answered++;
      counts[answer]++;
      const c = ANSWER_CREDIT[answer];
      if (c === null) continue;
      credit += c;
      scored++;
    }
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

/** The first level, highest first, whose min the overall percent reaches (content/checklist.yaml). */
export function levelOf(levels: readonly Level[], percent: number): Level {
  return levels.find((l) => percent >= l.min) ?? levels[levels.length - 1];
}

/** How many areas the report puts first: a priority list of every area short of 100% would be no priority. */
export const PRIORITY_AREAS = 3;

/**
 * The areas to take on first: those with room to improve, lowest percentage
 * first, equal ones in course order (sort is stable, ES2019), at most
 * PRIORITY_AREAS. Areas at 100% or with no score are left out.
 */
export function weakestAreas(scores: readonly AreaScore[]): AreaScore[] {
  return scores
    .filter((s) => s.scored > 0 && s.credit < s.scored)
    .sort((a, b) => a.credit / a.scored - b.credit / b.scored)
    .slice(0, PRIORITY_AREAS);
}

/** Items answered 未実施 or 一部実施, in course order. */
export function openItems(items: readonly ChecklistItem[], answers: Answers): ChecklistItem[] {
  return items.filter((i) => {
    const a = answers[i.id];
    return a !== undefined && OPEN_ANSWERS.includes(a);
  });
}
