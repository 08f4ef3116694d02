// The course data as the built page carries it, in a JSON island after the
// first screen (scripts/content/vite-plugin.ts writes it; virtual:course reads
// it when the bundle starts). Shorter than the compiled course in two ways that
// deflate does not make up for, both undone as it is read:
//  - a phrase mark (U+200B, three bytes in UTF-8) is one caret: some 460 B less
//    gzipped over about 4,000 marks; a caret the content itself writes travels
//    escaped (\u005e), so every bare caret is a mark;
//  - a page's navigation label is left out where it is its title (17 of the 18
//    pages): 80 B less gzipped.
import { PHRASE_SEPARATOR } from './phrases.ts';
import type { Page } from './types.ts';

const MARK_IN_DATA = '^';

/** the course data's JSON text as the page carries it */
export function packCourseData(data: { pages: readonly Page[] } & Record<string, unknown>): string {
  const pages = data.pages.map(({ navLabel, ...page }) => (navLabel === page.title ? page : { ...page, navLabel }));
  return JSON.stringify({ ...data, pages }).replaceAll(MARK_IN_DATA, '\\u005e').replaceAll(PHRASE_SEPARATOR, MARK_IN_DATA);
}

/** the course data from the page's text: its marks U+200B again, every page with its label */
export function parseCourseData(text: string): unknown {
  const data = JSON.parse(text.replaceAll(MARK_IN_DATA, '\\u200b')) as { pages?: Array<Partial<Page>> };
  for (const page of data.pages ?? []) page.navLabel ??= page.title;
  return data;
}
