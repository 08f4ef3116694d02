// Headings, card titles, tabs and buttons break lines between phrases only:
// the build splits their strings with BudouX (scripts/content/phrases.ts) and
// each view shows a string through phrased(), which puts <wbr> between the
// phrases. CSS (word-break: keep-all) keeps the browser from breaking elsewhere.
import type { ComponentChildren } from 'preact';
import './phrased.css';

const SEPARATOR = '\u200b';
let table = new Map<string, string[]>();

export function registerPhrases(list: readonly string[]): void {
  table = new Map(list.map((entry) => [entry.split(SEPARATOR).join(''), entry.split(SEPARATOR)]));
}

export function phrased(text: string): ComponentChildren {
  const parts = table.get(text);
  if (!parts) return text;
  // One span around the phrases: inside a flex button each bare text run would
  // be its own flex item, and Chromium would name the link 「トップに 戻る」.
  return <span>{parts.flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]))}</span>;
}
