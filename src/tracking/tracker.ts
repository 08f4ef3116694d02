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
  level: 'info' | 'warning';
}

export interface StartInfo {
  /** the saved, encoded learner state, if any */
  saved: string | null;
  mode: LaunchMode;
  /** the LMS's mastery score as a percent, when it sets one */
  passMark?: number;
  learnerName?: string;
  /** the LMS already holds a pass: it stays a pass whatever the saved state says */
  recordedPassed?: boolean;
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
  /** another tab of this course saved this (encoded) state: merge it, so that neither tab's answers are lost */
  onPeerState?(listener: (suspendData: string) => void): void;
  /** subscribe to notices the learner should see; returns an unsubscribe */
  onNotice(listener: (notices: Notice[]) => void): () => void;
}
