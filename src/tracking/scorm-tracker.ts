// A Tracker that records into a SCORM LMS, for either version (the dialect
// supplies the words). The commit policy lives here:
//   - commit at milestones: the first save, every answer, a retry, a status change;
//   - page and checklist changes are set at once but committed at most once per
//     PAGE_COMMIT_INTERVAL_MS (one deferred commit, never a loop);
//   - on flush (page hidden) set session_time and commit; on finish Terminate once;
//   - a refused commit is retried with exponential backoff, and after
//     WARN_AFTER_FAILURES refusals in a row the learner sees a warning until one
//     succeeds; the local mirror holds the state meanwhile.
// In review and browse mode nothing is written: only Initialize, reads, Terminate.
import type { Course } from '../content/types.ts';
import { connect, type Connection, type LmsError } from './connection.ts';
import type { Dialect } from './dialect.ts';
import { interactionId } from './identifiers.ts';
import { mirrorKey, openMirror, type Mirror } from './mirror.ts';
import type { Launch } from './launch.ts';
import { answerReport, courseReport, objectiveReports, type CmiWrite } from './report.ts';
import type { Milestone, Notice, Snapshot, StartInfo, Tracker } from './tracker.ts';

export const PAGE_COMMIT_INTERVAL_MS = 60_000;
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
export const WARN_AFTER_FAILURES = 3;

export const LMS_REFUSING_NOTICE: Notice = { id: 'lms-save', level: 'warning' };

const LMS_UNAVAILABLE_NOTICE: Notice = { id: 'lms-unavailable', level: 'warning' };

export interface ScormTrackerOptions {
  /** where the local mirror lives; undefined when storage is unavailable */
  storage?: Storage;
  now?: () => number;
  log?: (error: LmsError) => void;
}

const defaultLog = (e: LmsError) => console.warn(`[scorm] ${e.call}(${e.element ?? ''}) failed: ${e.code} ${e.text}${e.diagnostic ? ` — ${e.diagnostic}` : ''}`);

export function createScormTracker(dialect: Dialect, api: object, course: Course, options: ScormTrackerOptions = {}): Tracker {
  const now = options.now ?? (() => Date.now());
  const lms: Connection = connect(api, dialect.methods, dialect.quietGetCodes, options.log ?? defaultLog);
  const startedAt = now();
  let launch: Launch | undefined;
  let mirror: Mirror = openMirror(undefined, '');
  let writing = false;
  /** what the LMS holds, as far as this session knows: unchanged values are not sent again */
  const sent = new Map<string, string>();
  let nextInteraction = 0;
  let nextObjective = 0;
  const objectiveIndex = new Map<string, number>();
  const interactionIndex = new Map<string, number>();
  let lastStatus: string | undefined;
  let lastCommitAt = -Infinity;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let deferredTimer: ReturnType<typeof setTimeout> | undefined;

  let notices: Notice[] = [];
  const listeners = new Set<(n: Notice[]) => void>();
  const setNotice = (notice: Notice, on: boolean) => {
    const has = notices.some((n) => n.id === notice.id);
    if (has === on) return;
    notices = on ? [...notices, notice] : notices.filter((n) => n.id !== notice.id);
    listeners.forEach((l) => l(notices));
  };

  const put = (writes: readonly CmiWrite[]) => {
    for (const [element, value] of writes) {
      if (sent.get(element) === value) continue;
      // a refused value is not remembered, so the next save offers it again
      if (lms.set(element, value)) sent.set(element, value);
    }
  };

  const clearTimers = () => {
    clearTimeout(retryTimer);
    clearTimeout(deferredTimer);
    retryTimer = deferredTimer = undefined;
  };

  const commit = () => {
    if (lms.state !== 'open') return;
    clearTimeout(deferredTimer);
    deferredTimer = undefined;
    if (lms.commit()) {
      failures = 0;
      lastCommitAt = now();
      clearTimeout(retryTimer);
      retryTimer = undefined;
      mirror.confirm();
      setNotice(LMS_REFUSING_NOTICE, false);
      return;
    }
    failures++;
    if (failures >= WARN_AFTER_FAILURES) setNotice(LMS_REFUSING_NOTICE, true);
    if (retryTimer === undefined) {
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        commit();
      }, delay);
    }
  };

  const commitSoon = () => {
    const wait = lastCommitAt + PAGE_COMMIT_INTERVAL_MS - now();
    if (wait <= 0) return commit();
    if (deferredTimer === undefined && retryTimer === undefined) deferredTimer = setTimeout(commit, wait);
  };

  const reportSnapshot = (snapshot: Snapshot, milestone: Milestone) => {
    put(dialect.courseWrites(courseReport(snapshot.progress, snapshot.suspendData, snapshot.location), launch!.held));
    for (const objective of objectiveReports(course, snapshot.state, snapshot.progress.passMark, course.meta.statusStyle)) {
      let n = objectiveIndex.get(objective.id);
      const isNew = n === undefined;
      if (n === undefined) n = nextObjective;
      const writes = dialect.objectiveWrites(n, objective, isNew);
      // the id is write-once: an objective counts as recorded only once its id is accepted
      if (isNew && !lms.set(writes[0][0], writes[0][1])) continue;
      if (isNew) {
        objectiveIndex.set(objective.id, n);
        nextObjective = n + 1;
      }
      put(isNew ? writes.slice(1) : writes);
    }
    if (milestone.kind === 'answer') {
      const quiz = course.quizzes.find((q) => q.id === milestone.quizId);
      const attempt = quiz ? (snapshot.state.stories[quiz.story]?.attempts ?? 1) : 1;
      const id = interactionId(milestone.quizId, attempt);
      const existing = interactionIndex.get(id);
      const n = existing ?? nextInteraction;
      const answer = answerReport(course, milestone.quizId, id, milestone.selection, milestone.correct, milestone.latencySeconds, milestone.at);
      // interactions are written straight through: each index is a new record
      for (const [element, value] of dialect.interactionWrites(n, answer)) lms.set(element, value);
      if (existing === undefined) {
        nextInteraction = n + 1;
        if (dialect.version === '2004') interactionIndex.set(id, n);
      }
    }
  };

  return {
    kind: dialect.version === '1.2' ? 'scorm12' : 'scorm2004',
    start(): StartInfo {
      const storage = options.storage;
      if (!lms.initialize()) {
        mirror = openMirror(storage, mirrorKey(course.meta.id, dialect.version, ''));
        setNotice(LMS_UNAVAILABLE_NOTICE, true);
        writing = true;
        return { saved: mirror.read()?.data ?? null, mode: 'normal' };
      }
      launch = dialect.readLaunch((element) => lms.get(element));
      for (const [element, value] of launch.held) sent.set(element, value);
      nextInteraction = launch.interactionCount;
      nextObjective = launch.objectiveCount;
      launch.objectiveIndex.forEach((n, id) => objectiveIndex.set(id, n));
      launch.interactionIndex.forEach((n, id) => interactionIndex.set(id, n));
      mirror = openMirror(storage, mirrorKey(course.meta.id, dialect.version, launch.learnerId));
      writing = launch.mode === 'normal';
      const local = writing ? mirror.read() : undefined;
      // the LMS is the record; the copy here wins only when the LMS never confirmed it
      const saved = local?.pending && local.data ? local.data : launch.suspendData || null;
      return {
        saved,
        mode: launch.mode,
        passMark: launch.passMark,
        learnerName: launch.learnerName || undefined,
        recordedPassed: launch.passed,
      };
    },
    save(snapshot, milestone) {
      if (!writing) return;
      mirror.write(snapshot.suspendData);
      if (lms.state !== 'open') return;
      reportSnapshot(snapshot, milestone);
      const statusChanged = lastStatus !== undefined && lastStatus !== snapshot.progress.status;
      lastStatus = snapshot.progress.status;
      if (milestone.kind === 'page' || milestone.kind === 'checklist') {
        if (statusChanged) commit();
        else commitSoon();
      } else commit();
    },
    flush() {
      if (!writing || lms.state !== 'open') return;
      put([dialect.sessionTime((now() - startedAt) / 1000)]);
      commit();
    },
    finish() {
      clearTimers();
      if (lms.state !== 'open') return;
      if (writing) put([dialect.sessionTime((now() - startedAt) / 1000)]);
      if (lms.terminate() && writing) mirror.confirm();
    },
    onNotice(listener) {
      listeners.add(listener);
      listener(notices);
      return () => listeners.delete(listener);
    },
  };
}
