// HTML text for the files the build and the tools write for people (item
// catalogue, report): every value from content or from an LMS export goes
// through escapeHtml, so none of it can become markup or script.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// C0 controls other than tab/newline cannot appear in an HTML document.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function escapeHtml(value: string | number): string {
  return String(value).replace(CONTROL, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A4 portrait, numbered sheets; shared by the catalogue, the report and the guide. */
export const PRINT_CSS = `
@page { size: A4 portrait; margin: 15mm 12mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
* { box-sizing: border-box; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; color: #1a1a1a; line-height: 1.6; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #8a8a8a; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #444; font-size: .85rem; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure, section.keep { break-inside: avoid; }
  /* kept whole, a table longer than the rest of a sheet would leave that rest blank */
  table.long { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
