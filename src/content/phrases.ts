// Phrase boundaries travel inside the course data's prose strings (the build
// marks them with BudouX, scripts/content/phrases.ts): the views turn each
// mark into a line-break opportunity, and whatever leaves the page as text
// (an LMS record) drops them.

/** U+200B ZERO WIDTH SPACE: between two phrases of a string in the course data */
export const PHRASE_SEPARATOR = '\u200b';

/** the text as written, without its phrase marks */
export const withoutPhraseMarks = (text: string): string => text.replaceAll(PHRASE_SEPARATOR, '');
