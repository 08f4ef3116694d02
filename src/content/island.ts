// The course data as the built page carries it, in a JSON island after the
// first screen (scripts/content/vite-plugin.ts writes it; virtual:course reads
// it when the bundle starts). Shorter than the compiled course in ways that
// deflate does not make up for, all undone as it is read:
//  - a phrase mark (U+200B, three bytes in UTF-8) is one caret: some 460 B less
//    gzipped over about 4,000 marks; a caret the content itself writes travels
//    escaped (\u005e), so every bare caret is a mark;
//  - a page's navigation label is left out where it is its title (17 of the 18
//    pages): 80 B less gzipped; and its map labels where it has none;
//  - a page's section, a quiz's story, and a quiz's number where it is its
//    place in the story (「3-2」 the second of story 3) are left out: sections
//    list their pages and stories their quizzes, in order. About 70 B less gzipped;
//  - a checklist item's area is left out where it is the item's before it:
//    about 50 B less gzipped.
import { PHRASE_SEPARATOR } from './phrases.ts';
import type { ChecklistItem, Page, Quiz, Section, Story } from './types.ts';

const numberAt = (story: Story, index: number) => `${story.number}-${index + 1}`;

const MARK_IN_DATA = '^';

/** the course data's JSON text as the page carries it */
export function packCourseData(
  data: { sections: readonly Section[]; pages: readonly Page[]; stories: readonly Story[]; quizzes: readonly Quiz[]; checklist: readonly ChecklistItem[] } & Record<string, unknown>,
): string {
  const checklist = data.checklist.map(({ area, ...item }, n) => (area === data.checklist[n - 1]?.area ? item : { ...item, area }));
  const pages = data.pages.map(({ navLabel, section, mapLabels, ...page }) => ({
    ...page,
    ...(navLabel === page.title ? {} : { navLabel }),
    ...(data.sections.some((s) => s.id === section && s.pages.includes(page.id)) ? {} : { section }),
    ...(mapLabels.length ? { mapLabels } : {}),
  }));
  const quizzes = data.quizzes.map(({ story: storyId, number, ...quiz }) => {
    const story = data.stories.find((s) => s.id === storyId);
    if (!story?.quizzes.includes(quiz.id)) throw new Error(`quiz ${quiz.id} is not listed by its story ${storyId}`);
    return number === numberAt(story, story.quizzes.indexOf(quiz.id)) ? quiz : { ...quiz, number };
  });
  return JSON.stringify({ ...data, checklist, pages, quizzes }).replaceAll(MARK_IN_DATA, '\\u005e').replaceAll(PHRASE_SEPARATOR, MARK_IN_DATA);
}

/** the course data from the page's text: its marks U+200B again, every page with its label and section, every quiz with its story and number, every checklist item with its area */
export function parseCourseData(text: string): unknown {
  const data = JSON.parse(text.replaceAll(MARK_IN_DATA, '\\u200b')) as {
    sections?: Section[];
    pages?: Array<Partial<Page>>;
    stories?: Story[];
    quizzes?: Array<Partial<Quiz>>;
    checklist?: Array<Partial<ChecklistItem>>;
  };
  let area: string | undefined;
  for (const item of data.checklist ?? []) area = item.area ??= area;
  for (const page of data.pages ?? []) {
    page.navLabel ??= page.title;
    page.mapLabels ??= [];
    page.section ??= data.sections?.find((s) => s.pages.includes(page.id!))?.id;
  }
  for (const story of data.stories ?? [])
    story.quizzes.forEach((id, index) => {
      const quiz = data.quizzes?.find((q) => q.id === id);
      if (quiz) Object.assign(quiz, { story: story.id, number: quiz.number ?? numberAt(story, index) });
    });
  return data;
}
