// The report's figures, from the aggregated downloads and the course's own
// item catalogue. Pure, so the test and the page read the same numbers.
import type { ChecklistItem } from '../../src/content/types.ts';
import { areaScores } from '../../src/model/checklist.ts';
import type { ChecklistAnswer } from '../../src/model/state.ts';
import type { CatalogueQuiz } from '../catalogue/items.ts';
import type { Aggregator, Learner } from './aggregate.ts';

export interface LearnerRow {
  name: string;
  identity: string[];
  attempts: number;
  /** best attempt's score (Moodle's "highest attempt"), undefined before any score */
  best?: number;
  /** minutes from the first start to the last access, summed over attempts */
  minutes?: number;
  lastText: string;
  passed: boolean;
  started: boolean;
  /** quizzes with a first-try answer in the Interactions download (0 without one) */
  answered: number;
}

export interface QuizFigures {
  quiz: CatalogueQuiz;
  answered: number;
  correct: number;
  /** 0–100, rounded down; undefined when nobody answered */
  rate?: number;
  /** the wrong choice (a letter not in the key) ticked in most wrong answers */
  topWrong?: { letter: string; text: string; count: number };
  /** when no wrong letter was ticked: the correct choice most often left out */
  topMissed?: { letter: string; text: string; count: number };
}

export interface StoryFigures {
  storyId: string;
  number: number;
  title: string;
  quizzes: number;
  /** learners who answered every quiz of the story */
  finished: number;
  /** of those, every quiz right at the first try */
  allRight: number;
  /** mean of the story's quiz rates, rounded down */
  rate?: number;
  retried: number;
}

/** How the employees who answered the checklist see one measure at their company. */
export interface ChecklistAreaFigures {
  areaId: string;
  /** the measure's name in the course */
  title: string;
  /** learners with at least one answer in this area */
  respondents: number;
  /** every respondent's latest answer to each item, counted */
  counts: Record<ChecklistAnswer, number>;
  /** 0–100, the course's own rule (done 1, partial 0.5, not 0, 該当なし left out) over all those answers; undefined when none applies */
  percent?: number;
}

export interface ReportFigures {
  passMark: number;
  learners: LearnerRow[];
  enrolled: number;
  started: number;
  passed: number;
  notFinished: LearnerRow[];
  /** 11 bins: 0–9 … 90–99, 100 */
  distribution: number[];
  time?: { median: number; mean: number; min: number; max: number };
  quizzes: QuizFigures[];
  stories: StoryFigures[];
  weakest: QuizFigures[];
  /** empty unless the course reports checklist answers (course.yaml checklist.report) and some were found */
  checklist: ChecklistAreaFigures[];
}

const floorPercent = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 100) / whole) : undefined);

function learnerRow(l: Learner, passMark: number): LearnerRow {
  const attempts = [...l.attempts.values()];
  const scores = attempts.map((a) => a.score).filter((s): s is number => s !== undefined);
  const spans = attempts.filter((a) => a.start !== undefined && a.last !== undefined).map((a) => a.last! - a.start!);
  const best = scores.length ? Math.max(...scores) : undefined;
  const lastAttempt = [...l.attempts.entries()].sort((a, b) => b[0] - a[0])[0]?.[1];
  return {
    name: l.name,
    identity: l.identity,
    attempts: attempts.length,
    best,
    minutes: spans.length ? spans.reduce((a, b) => a + b, 0) : undefined,
    lastText: lastAttempt?.lastText ?? '',
    passed: best !== undefined && best >= passMark,
    started: attempts.length > 0,
    answered: l.answers.size,
  };
}

function topBy(counts: Map<string, number>, quiz: CatalogueQuiz): { letter: string; text: string; count: number } | undefined {
  const [letter, count] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (letter === undefined || !count) return undefined;
  return { letter, text: quiz.choices.find((c) => c.letter === letter)?.text ?? '', count };
}

/** the course's checklist: its items and each area's (measure page's) name */
export interface ChecklistShape {
  items: readonly ChecklistItem[];
  areaName: (areaId: string) => string;
}

export function reportFigures(agg: Aggregator, catalogue: readonly CatalogueQuiz[], passMark: number, checklistShape: ChecklistShape = { items: [], areaName: (id) => id }): ReportFigures {
  const learners = [...agg.learners.values()].map((l) => learnerRow(l, passMark)).sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const started = learners.filter((l) => l.started);
  const distribution = Array.from({ length: 11 }, () => 0);
  for (const l of started) if (l.best !== undefined) distribution[Math.min(10, Math.floor(l.best / 10))]++;
  const minutes = started.map((l) => l.minutes).filter((m): m is number => m !== undefined).sort((a, b) => a - b);
  const median = minutes.length ? (minutes.length % 2 ? minutes[(minutes.length - 1) / 2] : (minutes[minutes.length / 2 - 1] + minutes[minutes.length / 2]) / 2) : 0;

  const quizzes: QuizFigures[] = catalogue.map((quiz) => {
    let answered = 0;
    let correct = 0;
    const wrong = new Map<string, number>();
    const missed = new Map<string, number>();
    for (const l of agg.learners.values()) {
      const a = l.answers.get(quiz.quizId);
      if (!a) continue;
      answered++;
      if (a.correct) {
        correct++;
        continue;
      }
      for (const letter of a.letters) if (!quiz.correct.includes(letter)) wrong.set(letter, (wrong.get(letter) ?? 0) + 1);
      for (const letter of quiz.correct) if (!a.letters.includes(letter)) missed.set(letter, (missed.get(letter) ?? 0) + 1);
    }
    const topWrong = topBy(wrong, quiz);
    return { quiz, answered, correct, rate: floorPercent(correct, answered), topWrong, topMissed: topWrong ? undefined : topBy(missed, quiz) };
  });

  const storyIds = [...new Set(catalogue.map((q) => q.storyId))];
  const stories: StoryFigures[] = storyIds.map((storyId) => {
    const own = quizzes.filter((q) => q.quiz.storyId === storyId);
    const ids = own.map((q) => q.quiz.quizId);
    let finished = 0;
    let allRight = 0;
    let retried = 0;
    for (const l of agg.learners.values()) {
      if (l.retried.has(storyId)) retried++;
      if (!ids.every((id) => l.answers.has(id))) continue;
      finished++;
      if (ids.every((id) => l.answers.get(id)!.correct)) allRight++;
    }
    const rates = own.map((q) => q.rate).filter((r): r is number => r !== undefined);
    return {
      storyId,
      number: own[0].quiz.storyNumber,
      title: own[0].quiz.storyTitle,
      quizzes: own.length,
      finished,
      allRight,
      rate: rates.length ? Math.floor(rates.reduce((a, b) => a + b, 0) / rates.length) : undefined,
      retried,
    };
  });

  const weakest = quizzes
    .filter((q) => q.rate !== undefined && q.rate < 100)
    .sort((a, b) => a.rate! - b.rate! || b.answered - a.answered || catalogue.indexOf(a.quiz) - catalogue.indexOf(b.quiz))
    .slice(0, 3);

  const areas = new Map<string, ChecklistAreaFigures & { credit: number; scored: number }>();
  for (const l of agg.learners.values()) {
    if (l.checklist.size === 0) continue;
    const answers = Object.fromEntries([...l.checklist].map(([id, a]) => [id, a.answer]));
    for (const s of areaScores(checklistShape.items, answers)) {
      const area = areas.get(s.areaId) ?? { areaId: s.areaId, title: checklistShape.areaName(s.areaId), respondents: 0, counts: { done: 0, partial: 0, not: 0, na: 0 }, credit: 0, scored: 0 };
      if (s.answered > 0) area.respondents++;
      for (const k of Object.keys(area.counts) as ChecklistAnswer[]) area.counts[k] += s.counts[k];
      area.credit += s.credit;
      area.scored += s.scored;
      areas.set(s.areaId, area);
    }
  }
  const checklist = [...areas.values()]
    .filter((a) => a.respondents > 0)
    .map(({ credit, scored, ...a }) => ({ ...a, percent: scored ? Math.round((credit * 100) / scored) : undefined }));

  return {
    passMark,
    learners,
    enrolled: learners.length,
    started: started.length,
    passed: learners.filter((l) => l.passed).length,
    notFinished: learners.filter((l) => !l.passed),
    distribution,
    time: minutes.length ? { median, mean: minutes.reduce((a, b) => a + b, 0) / minutes.length, min: minutes[0], max: minutes[minutes.length - 1] } : undefined,
    quizzes,
    stories,
    weakest,
    checklist,
  };
}
