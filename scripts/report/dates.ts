// Moodle prints report dates with userdate() in the site's language and the
// admin's time zone: "Wednesday, 2 December 2026, 1:45 AM" (English text
// file), "2 December 2026, 1:45 AM" (spreadsheets), "2026年 12月 2日(水曜日) 01:45"
// (Japanese). Only differences are used, so the time zone does not matter.
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Minutes since the epoch (in the report's own time zone), or undefined when the cell is no date. */
export function moodleMinutes(text: string): number | undefined {
  const t = text.trim();
  let y: number, mo: number, d: number, h: number, mi: number;
  const english = /(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}),?\s+(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/.exec(t);
  const japanese = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\d]*(\d{1,2}):(\d{2})/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(t);
  if (english && MONTHS.includes(english[2].toLowerCase())) {
    [d, mo, y, h, mi] = [Number(english[1]), MONTHS.indexOf(english[2].toLowerCase()), Number(english[3]), Number(english[4]), Number(english[5])];
    const half = english[6]?.toLowerCase();
    if (half === 'pm' && h < 12) h += 12;
    if (half === 'am' && h === 12) h = 0;
  } else if (japanese) {
    [y, mo, d, h, mi] = [Number(japanese[1]), Number(japanese[2]) - 1, Number(japanese[3]), Number(japanese[4]), Number(japanese[5])];
  } else if (iso) {
    [y, mo, d, h, mi] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5])];
  } else return undefined;
  return Date.UTC(y, mo, d, h, mi) / 60_000;
}
