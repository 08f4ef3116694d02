// The notices a tracker shows the learner, each at most once, and who listens
// (Tracker.onNotice): one list for the SCORM tracker and the standalone one.
import type { Notice, Tracker } from './tracker.ts';

export interface NoticeBoard {
  /** shows or withdraws a notice; the listeners hear of a change only */
  set(notice: Notice, on: boolean): void;
  has(notice: Notice): boolean;
  onNotice: Tracker['onNotice'];
}

export function noticeBoard(...shown: Notice[]): NoticeBoard {
  let notices = shown;
  const listeners = new Set<(n: Notice[]) => void>();
  const has = (notice: Notice) => notices.some((n) => n.id === notice.id);
  return {
    has,
    set(notice, on) {
      if (has(notice) === on) return;
      notices = on ? [...notices, notice] : notices.filter((n) => n.id !== notice.id);
      listeners.forEach((l) => l(notices));
    },
    onNotice(listener) {
      listeners.add(listener);
      listener(notices);
      return () => listeners.delete(listener);
    },
  };
}
