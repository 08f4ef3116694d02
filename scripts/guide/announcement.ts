// The owner's announcement to learners (dist/<course-id>-announcement.txt): a
// text to paste into a mail or the LMS activity's description. What it says of
// the course (description, goals, time, completion rule) comes from the same
// content and the same words as the welcome screen, so the two never differ.
import type { Course } from '../../src/content/types.ts';
import { fill } from '../../src/content/ui.ts';
import { emptyState } from '../../src/model/state.ts';
import { evaluate } from '../../src/model/progress.ts';
import { completionRule } from '../../src/model/path.ts';
import { companyName } from '../../src/model/certificate.ts';

export const announcementName = (courseId: string): string => `${courseId}-announcement.txt`;

/** Notepad and mail clients on Windows read UTF-8 without guessing when the file starts with a BOM */
const BOM = '\uFEFF';

export function announcementText(course: Course): string {
  const { meta, ui } = course;
  const totals = evaluate(course, emptyState());
  const company = companyName(course);
  const lines = [
    `件名：【受講のお願い】${meta.title}`,
    '',
    ...(company ? [company, ''] : []),
    '各位',
    '',
    `「${meta.title}」を、学習管理システム（LMS）で受講してください。`,
    '',
    '■ この研修について',
    meta.description,
    '',
    `■ ${ui.welcome.goals}`,
    ui.welcome.goalsLead,
    ...meta.goals.map((g) => `・${g}`),
    '',
    `■ ${ui.welcome.duration}`,
    `${fill(ui.welcome.durationValue, meta.estimate)}（${fill(ui.welcome.durationNote, { quizzes: totals.quizzesTotal })}${ui.welcome.resumeNote}）`,
    '',
    `■ ${ui.welcome.howToComplete}`,
    ...completionRule(course, totals).map((line) => `・${line}`),
    ...(meta.completion.passingScore ? [`クイズには何度でも挑戦できます。${ui.result.note}`] : []),
    '',
    '■ 受講のしかた',
    '・LMS にログインし、この研修を開いてください。パソコンでもスマートフォンでも受講できます。',
    '・修了の条件を満たすと修了証が表示され、印刷できます。修了した後もメニューから開けます。',
    '',
  ];
  return BOM + lines.join('\r\n');
}
