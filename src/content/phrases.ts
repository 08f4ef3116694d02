// Phrase boundaries travel inside the course data's prose strings (the build
// marks them with BudouX, scripts/content/phrases.ts): the views turn each
// mark into a line-break opportunity, and whatever leaves the page as text
// (an LMS record) drops them.

/** U+200B ZERO WIDTH SPACE: between two phrases of a string in the course data */
export const PHRASE_SEPARATOR = '\u200b';

/** the text as written, without its phrase marks */
export const withoutPhraseMarks = (text: string): string => text.replaceAll(PHRASE_SEPARATOR, '');

/**
 * The mark as the built page's course data spells it: one byte for U+200B's
 * three, about 460 B less gzipped over some 4,000 marks. A caret the content
 * itself writes travels escaped (\u005e), so every bare caret there is a mark.
 */
const MARK_IN_DATA = '^';

/** the course data's JSON text as the page carries it */
export const packMarks = (json: string): string => json.replaceAll(MARK_IN_DATA, '\\u005e').replaceAll(PHRASE_SEPARATOR, MARK_IN_DATA);

/** the course data from the page's text, its marks U+200B again */
export const parseCourseData = (text: string): unknown => JSON.parse(text.replaceAll(MARK_IN_DATA, '\\u200b'));
