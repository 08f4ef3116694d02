// Text breaks lines between phrases only: the build finds them with BudouX
// (scripts/content/phrases.ts) and the views put <wbr> between them, while CSS
// (word-break: keep-all) keeps the browser from breaking elsewhere. The
// course's prose carries the marks itself; labels (headings, card titles,
// tabs, buttons), which also name things for screen readers and the LMS, stay
// clean and are looked up in the build's table of their phrases.
import type { ComponentChildren } from 'preact';
import { PHRASE_SEPARATOR, withoutPhraseMarks } from '../content/phrases.ts';
import './phrased.css';

let table = new Map<string, string[]>();

export function registerPhrases(list: readonly string[]): void {
  table = new Map(list.map((entry) => [withoutPhraseMarks(entry), entry.split(PHRASE_SEPARATOR)]));
}

/**
 * Chromium puts a space into an accessible name at every <wbr>, so a screen
 * reader read 「技術等情報管理に 関する 研修」 and paused inside phrases; hidden
 * from the accessibility tree, the break still breaks lines and names stay whole.
 */
const BREAK = '<wbr aria-hidden="true">';

/** A label or a marked prose string, with a break opportunity between its phrases. */
export function phrased(text: string): ComponentChildren {
  const parts = text.includes(PHRASE_SEPARATOR) ? text.split(PHRASE_SEPARATOR) : table.get(text);
  if (!parts) return text;
  // One span around the phrases: inside a flex button each bare text run would
  // be its own flex item, and Chromium would name the link 「トップに 戻る」.
  return <span class="phrases">{parts.flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} aria-hidden="true" />, part]))}</span>;
}

/**
 * The pieces `fillParts` gives, words and numbers run together again before
 * they are phrased, so that 「（現在 」, 10 and 「点、」 make one phrased text and
 * no line breaks between 10 and 点.
 */
export function phrasedParts(parts: ReadonlyArray<ComponentChildren>): ComponentChildren {
  const runs: ComponentChildren[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string' || typeof part === 'number') text += part;
    else {
      runs.push(phrased(text), part);
      text = '';
    }
  }
  return [...runs, phrased(text)];
}

/** A pager's arrows, each held to its label by a no-break space: on a line of its own an arrow points at nothing (seen at 200 % zoom). */
export const BACK = '←\u00a0';
export const ONWARD = '\u00a0→';

/**
 * Props for an element that shows the course's HTML (built and allow-listed
 * from content/): the HTML with its phrase marks as <wbr>, and the attribute
 * phrased.css keeps the browser's own breaks out of it by.
 */
export const phrasedHtml = (html: string) => ({ 'data-phrased': '', dangerouslySetInnerHTML: { __html: html.replaceAll(PHRASE_SEPARATOR, BREAK) } });
