// Work that must not hold up what the learner is about to see: the app's start
// waits for the prerendered first screen to be drawn, an answer's LMS calls
// for its feedback.

/**
 * Runs `work` after the next paint when the page is visible, then again in a
 * task of its own for as long as it returns true (one LMS call per task, say).
 */
export function afterPaint(work: () => boolean): void {
  const run = () => {
    if (work()) setTimeout(run, 0);
  };
  const task = () => setTimeout(run, 0);
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    // a hidden page gets no frames: the timer is the way out
    let done = false;
    const once = () => {
      if (!done) (done = true), task();
    };
    requestAnimationFrame(once);
    setTimeout(once, 100);
  } else task();
}
