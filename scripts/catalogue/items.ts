// The item catalogue: every interaction id the course can write, with the quiz
// it answers, so HR can read an LMS's interactions report (q3_4, a[,]c) as
// questions and choices. Pure: from the compiled course to rows.
import type { Course } from '../../src/content/types.ts';
import { interactionDescription, interactionId, MAX_ATTEMPT_IN_ID, scorm12Choices, scorm2004Choices } from '../../src/tracking/identifiers.ts';
import { answerKey } from '../../src/model/scoring.ts';

export interface CatalogueChoice {
  letter: string;
  text: string;
  correct: boolean;
}

export interface CatalogueQuiz {
  quizId: string;
  /** every id the course writes for this quiz: the first attempt's, then _r2 … _r35 */
  ids: string[];
  storyId: string;
  storyNumber: number;
  storyTitle: string;
  /** "3-10" */
  number: string;
  title: string;
  /** the 2004 interaction description */
  description: string;
  question: string;
  choices: CatalogueChoice[];
  /** sorted letters, "ac" */
  correct: string;
}

export function catalogue(course: Course): CatalogueQuiz[] {
  return course.stories.flatMap((story) =>
    story.quizzes.map((quizId) => {
      const quiz = course.quizzes.find((q) => q.id === quizId);
      if (!quiz) throw new Error(`story ${story.id} names unknown quiz ${quizId}`);
      return {
        quizId,
        ids: Array.from({ length: MAX_ATTEMPT_IN_ID }, (_, i) => interactionId(quizId, i + 1)),
        storyId: story.id,
        storyNumber: story.number,
        storyTitle: story.title,
        number: quiz.number,
        title: quiz.title,
        description: interactionDescription(quiz),
        question: quiz.question,
        choices: quiz.choices.map((c) => ({ letter: c.id, text: c.text, correct: c.correct })),
        correct: answerKey(quiz),
      };
    }),
  );
}

export const CATALOGUE_FIXED_COLUMNS = [
  'インタラクションID',
  '回（ストーリーの受講回）',
  'ストーリー',
  'ストーリー名',
  '問題番号',
  '問題名',
  '説明（SCORM 2004）',
  '問題文',
  '正答',
  '正答（SCORM 1.2 の形）',
  '正答（SCORM 2004 の形）',
] as const;

/** One row per interaction id (so a spreadsheet lookup finds q3_10_r2 as readily as q3_10), choices last. */
export function catalogueTable(quizzes: readonly CatalogueQuiz[]): string[][] {
  const letters = [...new Set(quizzes.flatMap((q) => q.choices.map((c) => c.letter)))].sort();
  const header = [...CATALOGUE_FIXED_COLUMNS, ...letters.map((l) => `選択肢 ${l}`)];
  const rows = quizzes.flatMap((q) =>
    q.ids.map((id, i) => [
      id,
      String(i + 1),
      String(q.storyNumber),
      q.storyTitle,
      q.number,
      q.title,
      q.description,
      q.question,
      q.correct,
      scorm12Choices(q.correct),
      scorm2004Choices(q.correct),
      ...letters.map((l) => q.choices.find((c) => c.letter === l)?.text ?? ''),
    ]),
  );
  return [header, ...rows];
}
