// The learner's time with the course, as the LMS is told it (session time,
// each answer's latency). HR reads the sum as 学習時間 and averages it: a tab
// left open over lunch, overnight, or forgotten behind other windows would
// otherwise count every hour of it. So a stretch with no input at all counts
// as IDLE_CAP_MS at most: longer than the longest page takes to read or a
// linked source takes in another tab, far shorter than a forgotten tab.

/** the most a stretch without any input (a tap, a key, a scroll, the pointer moving) adds to the learner's time */
export const IDLE_CAP_MS = 15 * 60_000;

export interface ActiveClock {
  /** the learner did something: the stretch since the last input counts, up to the cap */
  touch(): void;
  /** ms of the learner's time since the clock started, the stretch still open included up to the cap; never decreases */
  elapsed(): number;
}

/** `now`: a monotonic clock in ms (performance.now), so that a wall clock set back shortens nothing */
export function activeClock(now: () => number, capMs: number = IDLE_CAP_MS): ActiveClock {
  let counted = 0;
  let last = now();
  /** the stretch since the last input, as it counts at `t` */
  const open = (t: number) => Math.min(Math.max(0, t - last), capMs);
  return {
    touch() {
      const t = now();
      counted += open(t);
      last = t;
    },
    elapsed: () => counted + open(now()),
  };
}
