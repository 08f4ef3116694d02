// A printed PDF as its reader sees it, read by pdf.js (Mozilla's PDF reader)
// and not by anything of the course's: each page's size, and its text with
// where it stands, so that a test can ask what is printed on which page and
// how far down the page it reaches.
import { expect } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** a run of text; positions in points from the page's top left */
export interface PdfText {
  text: string;
  left: number;
  top: number;
  bottom: number;
}

export interface PdfPage {
  /** in points (A4: 595 × 842) */
  width: number;
  height: number;
  texts: PdfText[];
}

/** The font's map back to Unicode gives some kanji as their Kangxi radicals (⾃ for 自); read as the kanji. */
const kanji = (s: string) => s.replace(/[\u2e80-\u2fdf]/g, (c) => c.normalize('NFKC'));

export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const texts: PdfText[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , , x, baseline] = item.transform as number[];
      texts.push({ text: kanji(item.str), left: x, top: height - baseline - item.height, bottom: height - baseline });
    }
    pages.push({ width, height, texts });
  }
  await doc.destroy();
  return pages;
}

export interface PdfLine {
  /** without white space */
  text: string;
  top: number;
  bottom: number;
}

/** The page's text as lines, top to bottom: runs whose tops lie within 3 pt of each other, left to right. */
export function linesOf(page: PdfPage): PdfLine[] {
  const lines: { top: number; texts: PdfText[] }[] = [];
  for (const t of [...page.texts].sort((a, b) => a.top - b.top)) {
    const line = lines.at(-1);
    if (line && t.top - line.top <= 3) line.texts.push(t);
    else lines.push({ top: t.top, texts: [t] });
  }
  return lines.map(({ top, texts }) => ({
    text: texts.sort((a, b) => a.left - b.left).map((t) => t.text.replace(/\s+/g, '')).join(''),
    top,
    bottom: Math.max(...texts.map((t) => t.bottom)),
  }));
}

/** All the page's text, line after line, without white space. */
export const textOf = (page: PdfPage): string => linesOf(page).map((l) => l.text).join('');

/**
 * Portrait A4 sheets as a reader wants them: each numbered 「n / N」 at its foot, none but the last
 * left mostly blank, and each headed with `head` (without white space) where one is given.
 */
export function expectNumberedA4(sheets: readonly PdfPage[], head?: string): void {
  for (const [n, sheet] of sheets.entries()) {
    // A4 is 210 × 297 mm, 595.3 × 841.9 points
    expect([Math.round(sheet.width), Math.round(sheet.height)], `sheet ${n + 1}`).toEqual([595, 842]);
    const lines = linesOf(sheet);
    if (head !== undefined) expect(lines[0].text, `sheet ${n + 1}`).toBe(head);
    expect(lines.at(-1)!.text, `sheet ${n + 1}`).toBe(`${n + 1}/${sheets.length}`);
    // mostly blank: its text ends above the middle
    if (n < sheets.length - 1) expect(lines.at(-2)!.bottom, `sheet ${n + 1}`).toBeGreaterThan(sheet.height / 2);
  }
}

/** what the 修了証 screen shows around the certificate, none of which may reach the paper */
const CERTIFICATE_CONTROLS = ['修了証に印刷する氏名', '修了証を印刷する', 'トップ'];

/** A printed 修了証 sheet: each of `words` on it as text (crisp at any size, not a picture of them), and none of the screen's controls. */
export function expectCertificateText(sheet: PdfPage, words: readonly string[]): void {
  const printed = textOf(sheet);
  for (const w of words) expect(printed, w).toContain(w);
  for (const control of CERTIFICATE_CONTROLS) expect(printed, control).not.toContain(control);
}
