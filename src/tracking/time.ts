// Time values in each SCORM version's format, written so that Moodle's
// stricter patterns accept them too: at most two decimals on seconds, no days
// in a 2004 duration, a zone only after the fraction in a 2004 timestamp.

/** SCORM 1.2 CMITimespan allows four hour digits; longer sessions are capped. */
export const SCORM12_MAX_HOURS = 9999;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Hours, minutes, whole seconds and hundredths; rounds to hundredths first, so that 59.999 s carries into the next minute. */
function split(seconds: number): [hours: number, minutes: number, whole: number, hundredths: number] {
  const total = Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 100));
  const secs = Math.floor(total / 100);
  return [Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60, total % 100];
}

/** SCORM 1.2 CMITimespan, zero-padded: `HHHH:MM:SS.SS`. */
export function scorm12Timespan(seconds: number): string {
  const [hours, minutes, whole, hundredths] = split(seconds);
  if (hours > SCORM12_MAX_HOURS) return `${SCORM12_MAX_HOURS}:59:59.99`;
  return `${pad(hours, 4)}:${pad(minutes)}:${pad(whole)}.${pad(hundredths)}`;
}

/** SCORM 2004 timeinterval as `PT#H#M#S`; hours may exceed 24. */
export function scorm2004Duration(seconds: number): string {
  const [hours, minutes, whole, hundredths] = split(seconds);
  const fraction = hundredths ? `.${pad(hundredths)}`.replace(/0$/, '') : '';
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (whole || fraction || out === 'PT') out += `${whole}${fraction}S`;
  return out;
}

/** SCORM 1.2 CMITime: the learner's local clock time, `HH:MM:SS`. */
export function scorm12ClockTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Moodle's 2004 time pattern takes the years 1970–2038 only. */
export const SCORM2004_TIMESTAMP_MIN = Date.UTC(1970, 0, 1);
export const SCORM2004_TIMESTAMP_MAX = Date.UTC(2038, 11, 31, 23, 59, 59, 990);

/** SCORM 2004 time (second,10,0) in UTC with two decimals, e.g. `2025-04-01T09:05:03.27Z`; a clock outside 1970–2038 is clamped. */
export function scorm2004Timestamp(date: Date): string {
  const ms = Number.isFinite(date.getTime()) ? Math.min(SCORM2004_TIMESTAMP_MAX, Math.max(SCORM2004_TIMESTAMP_MIN, date.getTime())) : SCORM2004_TIMESTAMP_MIN;
  return new Date(ms).toISOString().replace(/(\.\d{2})\d*Z$/, '$1Z');
}

/** SCORM 1.2 CMITimespan `HHHH:MM:SS(.SS)` in seconds; undefined when malformed or empty. */
export function parseScorm12Timespan(text: string): number | undefined {
  const m = /^(\d{2,4}):([0-5]\d):([0-5]\d(?:\.\d{1,2})?)$/.exec(text.trim());
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/** SCORM 2004 timeinterval (ISO 8601 duration, e.g. `PT1H30M`, `P1DT2H`) in seconds; years and months as 365 and 30 days. */
export function parseScorm2004Duration(text: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  return ((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + s;
}
