// Japanese line breaks as a screen draws them: the lines of its labels and of
// its marked text, found from where each character is drawn
// (Range.getClientRects), not from string lengths. One function that runs in
// the page, for Chromium through Playwright (linebreak.spec.ts) and for
// Safari's and Firefox's engines through WebDriver (engine-checks.ts): it uses nothing from
// outside its own body.

/** the elements that name things: headings, buttons, tabs, cards, navigators */
export const LABELLED = [
  'main h1',
  'main h2',
  'main h3',
  'main h4',
  '.site-title',
  'main .button',
  'main button',
  'main summary',
  'main [role=tab]',
  'main .card-title',
  'main .cast-name',
  'main .cast-role',
  'main .map-title',
  'main .map-label',
  'main .measure-nav a',
  'main .breadcrumb li',
].join(',');

/** where the course's marked text (its prose, its labels) is */
export const MARKED = 'main [data-phrased], main .phrases';

/** running text, the course's and the interface's own sentences (notes, hints, notices) alike */
const TEXT = 'main p, main li, main dd, main dt, main td, main th, main figcaption, main label, [data-notice] p';

/** the three kinds of text measured, as `linesOnScreen` takes them */
export const MEASURED = [LABELLED, MARKED, TEXT] as const;

export interface Lines {
  /** every label that leaves one character alone on a line, as "element: line / line" */
  orphans: string[];
  /** line breaks in marked text */
  breaks: number;
  /**
   * those that fall elsewhere than at a <wbr>, a space, after closing
   * punctuation or before an opening bracket, as "…before／after…"
   */
  outside: string[];
  /** lines of labels or marked text that start with closing punctuation or end with an opening bracket */
  kinsoku: string[];
  /** blocks of running text whose last line holds one character, punctuation aside (「再開できま／す。」) */
  widows: string[];
  /**
   * phrase marks (U+200B) that reached the page as characters, in its text, an
   * attribute or its title: words drawn without `phrased`, or marked words put
   * where a name is read out
   */
  marks: string[];
}

/** The lines of the screen's labels, marked text and running text (run in the page). */
export function linesOnScreen([labelled, marked, text]: readonly [string, string, string]): Lines {
  const AFTER = /[、。，．・：；！？）」』】〕］｝〉》]/u;
  const BEFORE = /[（「『【〔［｛〈《]/u;
  // the characters under `root` as drawn, in order; whitespace is left out and noted on
  // the character after it, as are a <wbr> and the start of a block before it
  const drawn = (root: Element) => {
    const out: Array<{ char: string; top: number; bottom: number; space: boolean; mark: boolean; block: boolean; after: string }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let space = false;
    let mark = false;
    let block = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        if (node.tagName === 'WBR') mark = true;
        else if (!getComputedStyle(node).display.startsWith('inline')) block = true;
        continue;
      }
      const text = node as Text;
      if (text.parentElement?.closest('.visually-hidden, [aria-hidden=true]')) continue;
      for (let i = 0; i < text.data.length; i++) {
        const char = text.data[i];
        if (/\s/.test(char)) {
          space = true;
          continue;
        }
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect) continue;
        out.push({ char, top: rect.top, bottom: rect.bottom, space, mark, block, after: text.data.slice(i, i + 6) });
        space = mark = block = false;
      }
    }
    return out;
  };

  // one line per run of characters drawn on the same row
  const linesOf = (el: Element) => {
    const lines: Array<{ top: number; bottom: number; text: string }> = [];
    for (const c of drawn(el)) {
      const line = lines[lines.length - 1];
      const middle = (c.top + c.bottom) / 2;
      if (line && middle > line.top && middle < line.bottom) line.text += c.char;
      else lines.push({ top: c.top, bottom: c.bottom, text: c.char });
    }
    return lines;
  };

  const orphans: string[] = [];
  const kinsoku: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(labelled)) {
    if (!el.getClientRects().length) continue;
    const lines = linesOf(el);
    if (lines.length > 1 && lines.some((l) => [...l.text].length === 1))
      orphans.push(`${el.tagName.toLowerCase()}.${el.className}: ${lines.map((l) => l.text).join(' / ')}`);
    if (lines.some((l, i) => (i > 0 && AFTER.test(l.text[0])) || (i < lines.length - 1 && BEFORE.test(l.text[l.text.length - 1]))))
      kinsoku.push(lines.map((l) => l.text).join(' / '));
  }

  let breaks = 0;
  const outside: string[] = [];
  for (const root of document.querySelectorAll<HTMLElement>(marked)) {
    if (root.parentElement?.closest(marked) || !root.getClientRects().length) continue;
    let line = '';
    let last: { char: string; bottom: number } | undefined;
    for (const c of drawn(root)) {
      // a new block starts a new line of its own
      if (last && !c.block && (c.top + c.bottom) / 2 > last.bottom) {
        breaks++;
        const allowed = c.space || c.mark || AFTER.test(last.char) || BEFORE.test(c.char) || /[!-~]/.test(last.char + c.char);
        if (!allowed) outside.push(`${line.slice(-8)}／${c.after}`);
        if (AFTER.test(c.char) || BEFORE.test(last.char)) kinsoku.push(`${line.slice(-8)}／${c.after}`);
        line = '';
      } else if (c.block) line = '';
      line += c.char;
      last = c;
    }
  }

  const widows: string[] = [];
  const CLOSING = new RegExp(AFTER.source, 'gu');
  for (const el of document.querySelectorAll<HTMLElement>(text)) {
    // a block of text alone: one holding blocks, chips or a flex row has lines of its parts, not its own
    if (!el.getClientRects().length || [...el.querySelectorAll('*')].some((e) => !getComputedStyle(e).display.startsWith('inline'))) continue;
    const lines = linesOf(el);
    if (lines.length > 1 && [...lines[lines.length - 1].text.replace(CLOSING, '')].length <= 1)
      widows.push(`${el.tagName.toLowerCase()}.${el.className}: ${lines.map((l) => l.text).join(' / ')}`);
  }
  const marks: string[] = [];
  const MARK = '\u200b';
  if (document.title.includes(MARK)) marks.push(`title: ${document.title}`);
  // the page's own script and data carry marks by design; what is drawn or named must not
  for (const el of document.body.querySelectorAll(':not(script, style, template)')) {
    for (const a of el.attributes) if (a.value.includes(MARK)) marks.push(`${el.tagName.toLowerCase()}[${a.name}]: ${a.value.slice(0, 80)}`);
    for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE && n.nodeValue!.includes(MARK)) marks.push(`${el.tagName.toLowerCase()}: ${n.nodeValue!.slice(0, 80)}`);
  }
  return { orphans, breaks, outside, kinsoku, widows, marks };
}
