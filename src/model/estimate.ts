// How long the course takes, estimated at build time from its own text, so the
// welcome screen's 所要時間 follows the content when it is edited.
//
// Reading: Japanese prose is read at about 400–600 characters a minute (the
// range commonly given for adult silent reading of mixed kanji/kana text); the
// slower figure gives the upper bound, the faster the lower. Quizzes: each
// quiz's text is read like any other, plus half a minute to a minute to weigh
// the choices. The self-check is left out: it is optional unless the
// completion rule asks for it, and then its items are counted as text too.
export const READING_CHARS_PER_MINUTE = { fast: 600, slow: 400 } as const;
export const THINKING_MINUTES_PER_QUIZ = { fast: 0.5, slow: 1 } as const;
/** estimates are shown in steps of this many minutes */
export const ESTIMATE_STEP = 5;

export interface Estimate {
  /** minutes, rounded to ESTIMATE_STEP */
  low: number;
  high: number;
}

/** Visible characters of an HTML fragment: tags and white space do not count. */
export function textLength(html: string): number {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, 'x')
    .replace(/\s+/g, '');
  return [...text].length;
}

export function estimateMinutes(characters: number, quizzes: number): Estimate {
  const low = characters / READING_CHARS_PER_MINUTE.fast + quizzes * THINKING_MINUTES_PER_QUIZ.fast;
  const high = characters / READING_CHARS_PER_MINUTE.slow + quizzes * THINKING_MINUTES_PER_QUIZ.slow;
  const step = (m: number, round: (x: number) => number) => Math.max(ESTIMATE_STEP, round(m / ESTIMATE_STEP) * ESTIMATE_STEP);
  return { low: step(low, Math.floor), high: step(high, Math.ceil) };
}
