// Japanese line breaking at phrase boundaries, decided at build time with
// BudouX (Apache-2.0): headings, card titles, tabs and buttons get a break
// opportunity (<wbr>) between phrases only, so no line of theirs ends with one
// stray character. The browser never loads BudouX's model.
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/** What travels in the course data: the phrases of one string, joined by this. */
export const PHRASE_SEPARATOR = '\u200b';

/** `text` split into phrases, or undefined when it is one phrase already. */
export function phrasesOf(text: string): string[] | undefined {
  const parts = parser.parse(text);
  return parts.length > 1 ? parts : undefined;
}

/** Every string given, phrased, for the views' lookup (see src/views/phrased.tsx). */
export function phraseTable(texts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const parts = phrasesOf(text);
    if (parts) out.add(parts.join(PHRASE_SEPARATOR));
  }
  return [...out];
}

/** Headings in rendered Markdown: <wbr> between the phrases of their text. */
export function phraseHeadings(html: string): string {
  return html.replace(/<(h[2-4])>([^<]+)<\/\1>/g, (_, tag: string, text: string) => `<${tag}>${(phrasesOf(text) ?? [text]).join('<wbr>')}</${tag}>`);
}
