// Japanese line breaking at phrase boundaries, decided at build time with
// BudouX (Apache-2.0): headings, card titles, tabs and buttons get a break
// opportunity (<wbr>) between phrases only, so no line of theirs ends with one
// stray character. The browser never loads BudouX's model.
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/** What travels in the course data: the phrases of one string, joined by this. */
export const PHRASE_SEPARATOR = '\u200b';

/** closing brackets and punctuation: a line never starts with one */
const CLOSING = /^[）」』】〕］｝〉》、。，．・：；！？)\]}]+$/u;

const OPENING = /^[（「『【〔［｛〈《(\[{]/u;

/**
 * BudouX's model now and then cuts off one character: 「中｜小企業」,
 * 「B｜自動車」, 「その｜他」, a bracket on its own. Such a phrase joins the one
 * after it, or the one before when it closes something, comes last or stands
 * before a bracket, so a break can never leave it alone on a line.
 */
function withoutLoneCharacters(input: string[]): string[] {
  const parts = [...input];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    const closing = CLOSING.test(part);
    if (!closing && [...part].length > 1) out.push(part);
    else if (out.length > 0 && (closing || next === undefined || (OPENING.test(next) && !OPENING.test(part)))) out[out.length - 1] += part;
    else if (next !== undefined) parts[i + 1] = part + next;
    else out.push(part);
  }
  return out;
}

/** `text` split into phrases, or undefined when it is one phrase already. */
export function phrasesOf(text: string): string[] | undefined {
  const parts = withoutLoneCharacters(parser.parse(text));
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
