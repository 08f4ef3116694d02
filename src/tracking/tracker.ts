// The one seam between the course and wherever progress is kept (an LMS or
// this browser). The store talks to a Tracker; views never do.
import type { Progress } from '../model/progress.ts';
import type { ChecklistAnswer, LearnerState } from '../model/state.ts';
import type { NoticeId } from '../content/ui.ts';

/** normal: record; review/browse: the LMS shows a past attempt, write nothing */
export type LaunchMode = 'normal' | 'review' | 'browse';

/** Something the learner should know; the view finds its words under ui.notices[id]. */
export interface Notice {
  id: NoticeId;
  level: 'info' | 'warning' | 'success';
  /** where the notice leads on (its words from content/) */
  link?: { href: string; label: string };
  /** values for the placeholders in its words */
  params?: Record<string, string | number>;
  /** what the learner can answer it with (its words from content/) */
  actions?: { label: string; run: () => void }[];
}

export interface StartInfo {
  /** the saved, encoded learner state, if any */
  saved: string | null;
  mode: LaunchMode;
  /** the LMS's mastery score as a percent, when it sets one */
  passMark?: number;
  learnerName?: string;
  /** the LMS's id for the learner, when it gives one */
  learnerId?: string;
  /** the LMS already holds a pass: it stays a pass whatever the saved state says */
  recordedPassed?: boolean;
  /** encoded state a session left in this browser when no LMS could say whose it was: only the learner can */
  unclaimed?: string;
  /**
   * this learner's other copy, when the LMS holds one and this browser another
   * the LMS never took (answers it refused, then work on another device): each
   * may hold work the other lacks, so the two are merged, `saved` the later
   */
  otherSaved?: string;
}

export interface Snapshot {
  /** encoded learner state (codec.ts) */
  suspendData: string;
  location: string;
  progress: Progress;
  /** the decoded state, for what the LMS reports per story */
  state: LearnerState;
}

/** What just happened; trackers decide from it what to report and when to commit. */
export type Milestone =
  | { kind: 'start' }
  | { kind: 'page' }
  | {
      kind: 'answer';
      quizId: string;
      /** sorted choice letters */
      selection: string;
      correct: boolean;
      latencySeconds: number;
      at: Date;
    }
  | { kind: 'retry'; storyId: string }
  | { kind: 'checklist'; itemId: string; answer: ChecklistAnswer | undefined; at: Date };

export interface Tracker {
  start(): StartInfo;
  save(snapshot: Snapshot, milestone: Milestone): void;
  /** the page is being hidden or closed: persist now */
  flush(): void;
  /** the learner is done with this session */
  finish(): void;
  /** the page may be about to go (beforeunload): from now on an LMS's "true" may be a beacon's, not a sign that it stored anything */
  closing?(): void;
  /** the page was hidden (true) or shown again (false): while hidden, as from `closing` on, an LMS's "true" may be a beacon's; shown, it is the LMS's own again */
  hidden?(on: boolean): void;
  /** another tab of this course saved this (encoded) state: merge it, so that neither tab's answers are lost */
  onPeerState?(listener: (suspendData: string) => void): void;
  /** the learner says the unclaimed work (StartInfo.unclaimed) is theirs: its answers go to the LMS with the state the store commits next */
  claimUnclaimed?(): void;
  /** the learner says it is not theirs: it is forgotten */
  disownUnclaimed?(): void;
  /** subscribe to notices the learner should see; returns an unsubscribe */
  onNotice(listener: (notices: Notice[]) => void): () => void;
}
