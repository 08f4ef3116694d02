// The commit scheduler on its own: a hand-driven clock and timers, a Commit
// that answers as the test says. When a Commit happens, what a refusal costs,
// how the retries back off, and that a closing page commits at once.
import { describe, expect, it } from 'vitest';
import { createCommitScheduler, PAGE_COMMIT_INTERVAL_MS, WARN_AFTER_FAILURES } from '../../src/tracking/commit-scheduler.ts';

interface Timer {
  at: number;
  run: () => void;
}

/** `refusals`: how many Commits in a row the LMS refuses from the start */
function session(refusals = 0) {
  let t = 0;
  let timers: Timer[] = [];
  const log: string[] = [];
  const commitsAt: number[] = [];
  let warned = false;
  /** the page is hidden or closing: the LMS answers "true" by beacon, not knowing whether anything is stored */
  let beacon = false;
  /** what the tracker sends again when a retry is due (the writes refused in the round before) */
  let resend = () => {};
  const scheduler = createCommitScheduler(
    {
      now: () => t,
      setTimer: (run, ms) => {
        const timer = { at: t + ms, run };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => (timers = timers.filter((x) => x !== timer)),
    },
    {
      commit: () => {
        commitsAt.push(t);
        if (beacon) {
          log.push('commit unconfirmed');
          return 'unconfirmed';
        }
        if (refusals > 0) {
          refusals--;
          log.push('commit refused');
          return 'refused';
        }
        log.push('commit');
        return 'stored';
      },
      committed: () => log.push('committed'),
      saved: () => log.push('saved'),
      warn: (on) => (warned = on),
      // the tracker sends what is left, then tells the scheduler the writes are out
      wake: () => {
        resend();
        scheduler.idle();
      },
    },
  );
  /** moves the clock on, firing the timers that fall due, in their order */
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((x) => x !== due);
      t = due.at;
      due.run();
    }
    t = end;
  };
  /** one write the LMS takes, then the writes are out */
  const write = () => {
    scheduler.accepted();
    scheduler.idle();
  };
  const onWake = (writes: () => void) => (resend = writes);
  /** at each retry, whether `element` is still held back as refused, and the write then taken */
  const offeredAtRetry = (element: string) => {
    const offered: boolean[] = [];
    onWake(() => {
      offered.push(scheduler.isRefused(element));
      scheduler.accepted();
    });
    return offered;
  };
  const setBeacon = (on: boolean) => (beacon = on);
  return { scheduler, log, commitsAt, advance, write, offeredAtRetry, setBeacon, warned: () => warned, pendingTimers: () => timers.length };
}

describe('commit scheduler', () => {
  it('the first milestone commits even with nothing set; a later one with nothing new does not', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.commitsAt).toEqual([0]);
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.commitsAt).toEqual([0]);
  });

  it('ten quick page changes commit once, when the interval since the last Commit is up', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    for (let i = 0; i < 10; i++) {
      s.advance(1_000);
      s.write();
    }
    expect(s.commitsAt).toEqual([0]);
    s.advance(PAGE_COMMIT_INTERVAL_MS);
    expect(s.commitsAt).toEqual([0, PAGE_COMMIT_INTERVAL_MS]);
    s.advance(10 * PAGE_COMMIT_INTERVAL_MS);
    expect(s.commitsAt).toHaveLength(2);
  });

  it('a page change long after the last Commit commits at once', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.advance(PAGE_COMMIT_INTERVAL_MS + 1);
    s.write();
    expect(s.commitsAt).toEqual([0, PAGE_COMMIT_INTERVAL_MS + 1]);
  });

  it('an answer (a milestone) commits at once, inside the interval too, and takes a waiting page change with it', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.advance(1_000);
    s.write();
    s.advance(1_000);
    s.scheduler.accepted();
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.commitsAt).toEqual([0, 2_000]);
    // the deferred commit was disarmed: nothing is left to commit
    s.advance(PAGE_COMMIT_INTERVAL_MS * 2);
    expect(s.commitsAt).toEqual([0, 2_000]);
    expect(s.pendingTimers()).toBe(0);
  });

  it('a refused Commit keeps the round (nothing settles), is retried with doubling waits up to 30 s, warns after three, and clears the warning on success', () => {
    const s = session(7);
    s.scheduler.accepted();
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.log).toEqual(['commit refused']);
    s.advance(10 * 60_000);
    // 1, 2, 4, 8, 16 s, then the 30 s cap, then the Commit that goes through
    expect(s.commitsAt).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 61_000, 91_000]);
    expect(s.log.slice(-3)).toEqual(['commit', 'committed', 'saved']);
    expect(s.log.filter((l) => l === 'committed')).toHaveLength(1);
    expect(s.warned()).toBe(false);
    expect(s.pendingTimers()).toBe(0);
  });

  it(`the warning comes with the ${WARN_AFTER_FAILURES}rd refusal in a row, not before`, () => {
    const s = session(WARN_AFTER_FAILURES);
    s.scheduler.accepted();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.advance(1_000);
    expect(s.warned()).toBe(false);
    s.advance(2_000);
    expect(s.commitsAt).toHaveLength(WARN_AFTER_FAILURES);
    expect(s.warned()).toBe(true);
    s.advance(4_000);
    expect(s.warned()).toBe(false);
  });

  it('a beacon\'s "true" is no news: the warning stays up and the retries go on at the pace reached, until a Commit the LMS answers itself clears them', () => {
    const s = session(WARN_AFTER_FAILURES + 10);
    s.scheduler.accepted();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.advance(3_000);
    expect(s.warned()).toBe(true);
    // the page is hidden: Moodle answers by beacon from now on
    s.setBeacon(true);
    s.advance(8_000);
    // the 4 s wait reached is kept, not doubled and not reset
    expect(s.commitsAt).toEqual([0, 1_000, 3_000, 7_000, 11_000]);
    expect(s.log.slice(-2)).toEqual(['commit unconfirmed', 'commit unconfirmed']);
    expect(s.log).not.toContain('committed');
    expect(s.warned()).toBe(true);
    // shown again, and the LMS refuses no more
    s.setBeacon(false);
    s.advance(4_000);
    expect(s.commitsAt.at(-1)).toBe(15_000);
    expect(s.log.slice(-1)).toEqual(['commit refused']);
    s.advance(10 * 60_000);
    expect(s.log.slice(-3)).toEqual(['commit', 'committed', 'saved']);
    expect(s.warned()).toBe(false);
    expect(s.pendingTimers()).toBe(0);
  });

  it('with nothing refused, a beacon\'s "true" arms no retry, and what it sent is committed again with the next milestone', () => {
    const s = session();
    s.setBeacon(true);
    s.scheduler.accepted();
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.log).toEqual(['commit unconfirmed']);
    expect(s.pendingTimers()).toBe(0);
    s.setBeacon(false);
    // nothing new set: still committed, the beacon's round being unconfirmed
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.log).toEqual(['commit unconfirmed', 'commit', 'committed', 'saved']);
  });

  it('a write refused while the page is hidden fails the round all the same: it is offered again at the retry', () => {
    const s = session();
    s.setBeacon(true);
    s.scheduler.refused('cmi.suspend_data');
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.log).toEqual(['commit unconfirmed']);
    const offered = s.offeredAtRetry('cmi.suspend_data');
    s.advance(1_000);
    expect(offered).toEqual([false]);
    expect(s.commitsAt).toEqual([0, 1_000]);
  });

  it('a refused write fails the round after its Commit; the element is held back until the retry offers it again', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.scheduler.refused('cmi.suspend_data');
    s.scheduler.accepted();
    s.scheduler.milestone();
    s.scheduler.idle();
    // what was accepted is committed, but the round is not saved
    expect(s.log).toEqual(['commit', 'committed', 'saved', 'commit', 'committed']);
    expect(s.scheduler.isRefused('cmi.suspend_data')).toBe(true);
    const offered = s.offeredAtRetry('cmi.suspend_data');
    s.advance(999);
    expect(offered).toEqual([]);
    s.advance(1);
    // the retry offers the element again, and the round that takes it is saved
    expect(offered).toEqual([false]);
    expect(s.commitsAt).toEqual([0, 0, 1_000]);
    expect(s.log.slice(-3)).toEqual(['commit', 'committed', 'saved']);
  });

  it('a milestone whose only write was refused still commits, so that a retry is armed and the write is not dropped', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.scheduler.refused('cmi.interactions.0.id');
    s.scheduler.milestone();
    s.scheduler.idle();
    expect(s.commitsAt).toEqual([0, 0]);
    const offered = s.offeredAtRetry('cmi.interactions.0.id');
    s.advance(1_000);
    expect(offered).toEqual([false]);
    expect(s.commitsAt).toEqual([0, 0, 1_000]);
    expect(s.log.at(-1)).toBe('saved');
  });

  it('a closing page offers refused elements again, sends them and commits at once, inside the interval', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.advance(5_000);
    s.scheduler.refused('cmi.core.lesson_location');
    s.write();
    const offered: boolean[] = [];
    s.scheduler.flush(() => {
      offered.push(s.scheduler.isRefused('cmi.core.lesson_location'));
      s.scheduler.accepted();
    });
    expect(offered).toEqual([false]);
    expect(s.commitsAt).toEqual([0, 5_000]);
  });

  it('a closing page with nothing new set commits nothing', () => {
    const s = session();
    s.scheduler.milestone();
    s.scheduler.idle();
    s.scheduler.flush(() => s.scheduler.idle());
    expect(s.commitsAt).toEqual([0]);
  });

  it('a closing page commits again at once when the first Commit is refused', () => {
    const s = session(1);
    s.scheduler.accepted();
    s.scheduler.flush(() => s.scheduler.idle());
    expect(s.log).toEqual(['commit refused', 'commit', 'committed', 'saved']);
    expect(s.warned()).toBe(false);
    expect(s.pendingTimers()).toBe(0);
  });

  it('after stop no timer fires', () => {
    const s = session(1);
    s.scheduler.milestone();
    s.scheduler.idle();
    s.write();
    expect(s.pendingTimers()).toBe(1);
    s.scheduler.stop();
    s.advance(10 * PAGE_COMMIT_INTERVAL_MS);
    expect(s.commitsAt).toEqual([0]);
  });
});
