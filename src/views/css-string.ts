/**
 * Text as a quoted CSS string, for the few words print puts in page margins
 * (@page boxes take only CSS content). Every character that is not a letter,
 * digit or space is written as a hex escape, so no input can end the string
 * or the rule.
 */
export function cssString(text: string): string {
  const body = [...text.replace(/\s+/g, ' ')].map((c) => (/[\p{L}\p{N} ]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('');
  return `"${body}"`;
}
