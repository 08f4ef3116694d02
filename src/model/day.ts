// Calendar days as the learner state keeps them (YYYYMMDD, the learner's own
// time zone): the day of completion, and the date printed on reports. Pure.

/** The calendar date of a moment in the learner's own time zone, as YYYYMMDD. */
export function dayStamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(at.getFullYear(), 4)}${p(at.getMonth() + 1)}${p(at.getDate())}`;
}

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** YYYYMMDD as numbers, for the view to put into words; none for anything else */
export function dayOf(stamp: string): Day | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(stamp);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}
