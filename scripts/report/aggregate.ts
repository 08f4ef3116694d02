// Streams rows of Moodle report downloads into the few figures HR asks for.
// Only small per-learner summaries and per-quiz counters are kept, so an
// export of tens of thousands of learners fits in memory.
import type { ChecklistItem } from '../../src/content/types.ts';
import { CHECKLIST_ANSWERS, type ChecklistAnswer } from '../../src/model/state.ts';
import type { CatalogueQuiz } from '../catalogue/items.ts';
import { moodleMinutes } from './dates.ts';
import type { ReportShape } from './shape.ts';

export interface AttemptFacts {
  start?: number;
  last?: number;
  lastText: string;
  score?: number;
  /** the SCO's column said a status word, not a score: the "0" in the grade column is no score */
  scoreless?: boolean;
}

export interface Learner {
  name: string;
  identity: string[];
  /** Moodle attempt number → its facts */
  attempts: Map<number, AttemptFacts>;
  /** quiz id → the first-try answer of the latest Moodle attempt that has one */
  answers: Map<string, { attempt: number; letters: string; correct: boolean }>;
  /** stories taken again within an attempt (ids with _r2…) */
  retried: Set<string>;
  /** checklist item id → the learner's latest answer (course.yaml checklist.report) */
  checklist: Map<string, { attempt: number; answer: ChecklistAnswer }>;
}

export interface Totals {
  files: number;
  /** Interactions reports among them */
  interactionFiles: number;
  rows: number;
  interactionRecords: number;
  /** ids the course does not write (another course's data, or a newer version) */
  unknownIds: Map<string, number>;
}

const RETRY = /^(.*)_r(\d+)$/;

export function lettersOf(response: string): string {
  return response
    .split(/\[,\]|,/)
    .map((s) => s.trim())
    .filter(Boolean)
    .sort()
    .join('');
}

export class Aggregator {
  readonly learners = new Map<string, Learner>();
  readonly totals: Totals = { files: 0, interactionFiles: 0, rows: 0, interactionRecords: 0, unknownIds: new Map() };
  private readonly quizzes: Map<string, CatalogueQuiz>;

  private readonly checklistIds: Set<string>;

  constructor(catalogue: readonly CatalogueQuiz[], checklist: readonly ChecklistItem[] = []) {
    this.quizzes = new Map(catalogue.map((q) => [q.quizId, q]));
    this.checklistIds = new Set(checklist.map((c) => c.id));
  }

  add(shape: ReportShape, cells: string[]): void {
    this.totals.rows++;
    const identity = shape.identity.map((i) => cells[i] ?? '');
    const name = cells[shape.name] ?? '';
    const key = [name, ...identity].join('\u0000');
    let learner = this.learners.get(key);
    if (!learner) {
      learner = { name, identity, attempts: new Map(), answers: new Map(), retried: new Set(), checklist: new Map() };
      this.learners.set(key, learner);
    }
    const attempt = Number(cells[shape.attempt]);
    if (!Number.isInteger(attempt) || attempt < 1) return; // "-": enrolled, never opened
    const facts = learner.attempts.get(attempt) ?? { lastText: '' };
    facts.start = moodleMinutes(cells[shape.started] ?? '') ?? facts.start;
    facts.last = moodleMinutes(cells[shape.last] ?? '') ?? facts.last;
    facts.lastText = cells[shape.last] || facts.lastText;
    const score = scoreOf(cells[shape.score], shape.sco !== undefined ? cells[shape.sco] : undefined);
    if (score === NO_SCORE) {
      facts.scoreless = true;
      facts.score = undefined;
    } else if (score !== undefined && !facts.scoreless) facts.score = score;
    learner.attempts.set(attempt, facts);

    for (const g of shape.groups) {
      const id = g.id !== undefined ? (cells[g.id] ?? '').trim() : '';
      if (!id) continue;
      this.totals.interactionRecords++;
      if (this.checklistIds.has(id)) {
        const answer = (g.response !== undefined ? (cells[g.response] ?? '') : '').trim() as ChecklistAnswer;
        if (!CHECKLIST_ANSWERS.includes(answer)) continue;
        // groups run in the order the answers were given: a later one in the same attempt replaces an earlier
        const held = learner.checklist.get(id);
        if (!held || held.attempt <= attempt) learner.checklist.set(id, { attempt, answer });
        continue;
      }
      const retry = RETRY.exec(id);
      const quizId = retry ? retry[1] : id;
      const quiz = this.quizzes.get(quizId);
      if (!quiz) {
        this.totals.unknownIds.set(quizId, (this.totals.unknownIds.get(quizId) ?? 0) + 1);
        continue;
      }
      if (retry) {
        learner.retried.add(quiz.storyId);
        continue;
      }
      const letters = lettersOf(g.response !== undefined ? (cells[g.response] ?? '') : '');
      const result = g.result !== undefined ? (cells[g.result] ?? '').trim() : '';
      const correct = result ? result === 'correct' : letters === quiz.correct;
      const held = learner.answers.get(quizId);
      if (!held || held.attempt <= attempt) learner.answers.set(quizId, { attempt, letters, correct });
    }
  }
}

const NO_SCORE = 'none';

/**
 * The attempt's score. Moodle writes 0 in the grade column of an attempt with
 * no score yet, and the SCO's column then holds its status ("Incomplete")
 * instead of the score ("84/100" on the Basic page, "84" in a download); a
 * download without that column cannot tell the two.
 */
function scoreOf(grade: string | undefined, sco: string | undefined): number | typeof NO_SCORE | undefined {
  const s = (sco ?? '').trim();
  if (s) {
    const m = /^(\d+(?:\.\d+)?)(?:\s*\/\s*\d+)?$/.exec(s);
    if (m) return Number(m[1]);
    if (s !== '-') return NO_SCORE;
  }
  const g = (grade ?? '').trim();
  return /^\d+(\.\d+)?$/.test(g) ? Number(g) : undefined;
}
