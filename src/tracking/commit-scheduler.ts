// When the session commits, apart from what it writes (cmi-sync.ts): plain
// logic with the clock, the timers and the LMS's Commit handed in, so that it
// runs and is tested without a browser or an LMS. The policy:
//   - a milestone (the first save, an answer, a retry, a status change) commits
//     as soon as the writes are out; the very first one even with nothing new set;
//   - other writes (pages, checklist) commit at most once per PAGE_COMMIT_INTERVAL_MS;
//   - a refused SetValue or Commit is a failure: the round is tried again after an
//     exponential backoff, the refused elements are offered again only then, and
//     after WARN_AFTER_FAILURES failures in a row the learner is warned until a
//     round goes through (every write accepted and a Commit after them);
//   - a closing page commits what is set at once;
//   - a "true" that may be a beacon's (Moodle's, while the page is hidden or
//     closing) is no news: what it sent stays to be committed, the failures in a
//     row and the warning stay as they were, and a retry under way goes on
//     (a write refused in its round fails the round all the same).

export const PAGE_COMMIT_INTERVAL_MS = 60_000;
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
export const WARN_AFTER_FAILURES = 3;

export interface Clock {
  /** the wall clock in ms, for the commit interval */
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** what a Commit's answer says: the LMS stored what was set, refused it, or said "true" without knowing (a beacon's) */
export type CommitOutcome = 'stored' | 'refused' | 'unconfirmed';

export interface CommitActions {
  /** the LMS's Commit */
  commit(): CommitOutcome;
  /** a Commit went through: what was set is now the LMS's record */
  committed(): void;
  /** a whole round went through: every write accepted and committed */
  saved(): void;
  /** the learner's warning about a refusing LMS, on or off */
  warn(on: boolean): void;
  /** a retry or a deferred commit is due: send what is left, then call `idle` */
  wake(): void;
}

export interface CommitScheduler {
  /** the LMS took a write */
  accepted(): void;
  /** the LMS refused a write to `element`: it is not offered again until the retry */
  refused(element: string): void;
  /** whether `element` was refused in this round */
  isRefused(element: string): boolean;
  /** a milestone: commit as soon as the writes are out */
  milestone(): void;
  /** the writes are out: commit now, or arm the timer for later */
  idle(): void;
  /** the page is closing: offer every write again, send them (`drain`), commit at once */
  flush(drain: () => void): void;
  /** the session's last round: offer every write again and send them (`drain`) */
  drainAll(drain: () => void): void;
  /** no more timers: the session is over, or another tab writes now */
  stop(): void;
}

export function createCommitScheduler(clock: Clock, actions: CommitActions): CommitScheduler {
  let lastCommitAt = -Infinity;
  /** something was set since the last Commit went through */
  let uncommitted = false;
  /** the last Commit was answered by a beacon: what it sent is to be committed again, to an LMS that answers for itself */
  let unconfirmed = false;
  /** a milestone asks for a Commit as soon as the writes are out */
  let wanted = false;
  /** failures in a row */
  let failures = 0;
  /** Commits tried, so that the first milestone commits even with nothing new set */
  let commits = 0;
  let retryTimer: unknown;
  let deferredTimer: unknown;
  /** elements refused in this round */
  const refusedNow = new Set<string>();
  let refusedRound = false;

  const retryLater = () => {
    if (retryTimer !== undefined) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
    retryTimer = clock.setTimer(() => {
      retryTimer = undefined;
      refusedNow.clear();
      refusedRound = false;
      wanted = true;
      actions.wake();
    }, delay);
  };

  const failed = () => {
    failures++;
    if (failures >= WARN_AFTER_FAILURES) actions.warn(true);
    retryLater();
  };

  const commit = () => {
    clock.clearTimer(deferredTimer);
    deferredTimer = undefined;
    wanted = false;
    commits++;
    const outcome = actions.commit();
    if (outcome === 'refused') return failed();
    lastCommitAt = clock.now();
    uncommitted = false;
    unconfirmed = outcome === 'unconfirmed';
    if (!unconfirmed) actions.committed();
    // a refused write fails the round whatever the Commit said
    if (refusedRound) return failed();
    if (unconfirmed) {
      // an LMS that was refusing may still be: keep trying, at the pace reached
      if (failures > 0) retryLater();
      return;
    }
    failures = 0;
    clock.clearTimer(retryTimer);
    retryTimer = undefined;
    actions.warn(false);
    actions.saved();
  };

  return {
    accepted() {
      uncommitted = true;
    },
    refused(element) {
      refusedNow.add(element);
      refusedRound = true;
    },
    isRefused: (element) => refusedNow.has(element),
    milestone() {
      wanted = true;
    },
    idle() {
      if (wanted && (uncommitted || unconfirmed || refusedRound || commits === 0)) return commit();
      if (!uncommitted || retryTimer !== undefined) return;
      const wait = lastCommitAt + PAGE_COMMIT_INTERVAL_MS - clock.now();
      if (wait <= 0) commit();
      else if (deferredTimer === undefined)
        deferredTimer = clock.setTimer(() => {
          deferredTimer = undefined;
          wanted = true;
          actions.wake();
        }, wait);
    },
    flush(drain) {
      wanted = true;
      refusedNow.clear();
      drain();
      if (uncommitted) commit();
    },
    drainAll(drain) {
      refusedNow.clear();
      drain();
    },
    stop() {
      clock.clearTimer(retryTimer);
      clock.clearTimer(deferredTimer);
      retryTimer = deferredTimer = undefined;
    },
  };
}
