// A Tracker that records into a SCORM LMS, for either version (the dialect
// supplies the words). The policy lives here:
//   - every save goes to the local mirror at once (a synchronous localStorage
//     write), the LMS calls come after the screen is painted, one call per task,
//     so a slow LMS never freezes the page; on flush (page hidden) and finish
//     whatever is left is sent at once;
//   - commit at milestones: the first save, every answer, a retry, a status
//     change; page and checklist changes at most once per PAGE_COMMIT_INTERVAL_MS;
//   - a refused SetValue or Commit is logged, retried with exponential backoff,
//     and after WARN_AFTER_FAILURES refusals in a row the learner sees a warning
//     until a round goes through; the mirror is marked saved only once the LMS has
//     accepted that very suspend_data and a Commit after it;
//   - an answer's interaction stays in the mirror's outbox until the LMS took its
//     every field and committed: an interaction index is used only once its id is
//     accepted, never skipped and never reused (appended, never overwritten);
//   - objectives and course status are never written lower than the LMS holds.
// In review and browse mode nothing is written: only Initialize, reads, Terminate.
import type { Course } from '../content/types.ts';
import { stateStamp } from '../model/codec.ts';
import { connect, type Connection, type LmsError } from './connection.ts';
import { TIME_OUT_EXIT, type TimeLimitAction } from '../scorm/spec.ts';
import type { Dialect } from './dialect.ts';
import { interactionId } from './identifiers.ts';
import { loadAnswer, mirrorKey, openMirror, storeAnswer, UNCLAIMED, type Mirror, type MirrorEntry } from './mirror.ts';
import { newTabId, openPeers, OTHER_TAB_NOTICE, type PeerLink, type PeerMessage } from './peers.ts';
import type { Launch } from './launch.ts';
import { answerReport, checklistAnswerReport, courseReport, objectiveReports, type AnswerReport } from './report.ts';
import type { Notice, Snapshot, StartInfo, Tracker } from './tracker.ts';

export const PAGE_COMMIT_INTERVAL_MS = 60_000;
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
export const WARN_AFTER_FAILURES = 3;

export const LMS_REFUSING_NOTICE: Notice = { id: 'lms-save', level: 'warning' };

const LMS_UNAVAILABLE_NOTICE: Notice = { id: 'lms-unavailable', level: 'warning' };

const TIME_LIMIT_NOTICE: Notice = { id: 'time-limit', level: 'info' };
const TIME_OUT_NOTICE: Notice = { id: 'time-out', level: 'warning' };
/** setTimeout's longest wait; a limit further off is not this session's concern */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface ScormTrackerOptions {
  /** where the local mirror lives; undefined when storage is unavailable */
  storage?: Storage;
  /** the wall clock, for the commit interval */
  now?: () => number;
  /** a monotonic clock in ms, for the session time: a wall clock set back must not shorten it */
  elapsed?: () => number;
  log?: (error: LmsError) => void;
  /** runs LMS work (`work` makes one call and says whether more is due); the default waits for the next paint, then gives each call a task of its own */
  schedule?: (work: () => boolean) => void;
}

const defaultLog = (e: LmsError) => console.warn(`[scorm] ${e.call}(${e.element ?? ''}) failed: ${e.code} ${e.text}${e.diagnostic ? ` — ${e.diagnostic}` : ''}`);

/** After the next paint when the page is visible (the feedback is on screen first), then one call per task. */
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

interface Outgoing {
  answer: AnswerReport;
  /** the interaction index, once the LMS accepted the id there */
  index?: number;
  /** fields the LMS accepted */
  accepted: Set<string>;
}

const SUSPEND_DATA = 'cmi.suspend_data';
const sameAnswer = (a: AnswerReport, b: AnswerReport) => a.id === b.id && a.at.getTime() === b.at.getTime();

export function createScormTracker(dialect: Dialect, api: object | undefined, course: Course, options: ScormTrackerOptions = {}): Tracker {
  const now = options.now ?? (() => Date.now());
  const elapsed = options.elapsed ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const schedule = options.schedule ?? afterPaint;
  const lms: Connection | undefined = api ? connect(api, dialect.methods, dialect.quietGetCodes, options.log ?? defaultLog) : undefined;
  const open = () => lms?.state === 'open';
  const startedAt = elapsed();
  let launch: Launch | undefined;
  let mirror: Mirror = openMirror(undefined, '');
  let writing = false;
  /** what the LMS holds, as far as this session knows: unchanged values are not sent again, nothing is written lower */
  const sent = new Map<string, string>();
  let nextInteraction = 0;
  let nextObjective = 0;
  const objectiveIndex = new Map<string, number>();
  let outbox: Outgoing[] = [];
  let latest: Snapshot | undefined;
  let lastStatus: string | undefined;
  let lastCommitAt = -Infinity;
  /** something was set since the last Commit went through */
  let uncommitted = false;
  /** a milestone asks for a Commit as soon as the writes are out */
  let commitWanted = false;
  let failures = 0;
  /** Commits tried, so the first milestone commits even with nothing new set */
  let commits = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let deferredTimer: ReturnType<typeof setTimeout> | undefined;
  let timeLimitTimer: ReturnType<typeof setTimeout> | undefined;
  let pumpScheduled = false;
  /** elements refused in this round: not offered again until the retry */
  const refusedNow = new Set<string>();
  let refusedRound = false;

  const tab = newTabId();
  /** the tab opened last leads and alone writes the LMS; an older one hands it its work (peers.ts) */
  let role: 'leader' | 'follower' = 'leader';
  let leaderGone = false;
  let peers: PeerLink | undefined;
  const peerListeners = new Set<(data: string) => void>();

  let notices: Notice[] = [];
  const listeners = new Set<(n: Notice[]) => void>();
  const setNotice = (notice: Notice, on: boolean) => {
    const has = notices.some((n) => n.id === notice.id);
    if (has === on) return;
    notices = on ? [...notices, notice] : notices.filter((n) => n.id !== notice.id);
    listeners.forEach((l) => l(notices));
  };

  const mirrorEntry = (pending: boolean): MirrorEntry => ({ data: latest?.suspendData ?? '', pending, outbox: outbox.map((o) => storeAnswer(o.answer)) });
  const saveMirror = () => {
    if (latest) mirror.write(mirrorEntry(true));
  };

  /** One write the LMS still needs, in the order the data model wants them; undefined when all is sent. */
  const nextWrite = (): { element: string; value: string; accepted: () => void } | undefined => {
    // interactions first, oldest answer first; an answer whose id is refused holds back the later ones
    interactions: for (const o of outbox) {
      const index = o.index ?? nextInteraction;
      const writes = dialect.interactionWrites(index, o.answer);
      const todo = writes.find(([el]) => !o.accepted.has(el.slice(el.indexOf('.', 'cmi.interactions.'.length) + 1)));
      if (!todo) continue;
      const [element, value] = todo;
      if (refusedNow.has(element)) {
        if (o.index === undefined) break interactions;
        continue;
      }
      const field = element.slice(element.indexOf('.', 'cmi.interactions.'.length) + 1);
      return {
        element,
        value,
        accepted: () => {
          if (o.index === undefined) {
            o.index = index;
            nextInteraction = index + 1;
          }
          o.accepted.add(field);
        },
      };
    }
    if (!latest || !launch) return undefined;
    for (const objective of objectiveReports(course, latest.state, latest.progress.passMark, course.meta.statusStyle)) {
      const known = objectiveIndex.get(objective.id);
      const n = known ?? nextObjective;
      const writes = dialect.objectiveWrites(n, objective, known === undefined);
      // the id is write-once: an objective counts as recorded only once its id is accepted
      if (known === undefined) {
        const [element, value] = writes[0];
        if (refusedNow.has(element)) continue;
        return {
          element,
          value,
          accepted: () => {
            objectiveIndex.set(objective.id, n);
            nextObjective = n + 1;
          },
        };
      }
      for (const [element, value] of writes) {
        if (sent.get(element) === value || refusedNow.has(element)) continue;
        const field = element.slice(`cmi.objectives.${n}.`.length);
        const held = sent.get(element);
        const heldRank = held === undefined ? undefined : dialect.objectiveRank(field, held);
        const newRank = dialect.objectiveRank(field, value);
        if (heldRank !== undefined && newRank !== undefined && heldRank > newRank) continue;
        return { element, value, accepted: () => sent.set(element, value) };
      }
    }
    for (const [element, value] of dialect.courseWrites(courseReport(latest.progress, latest.suspendData, latest.location), sent, launch?.passMark !== undefined)) {
      if (sent.get(element) === value || refusedNow.has(element)) continue;
      return { element, value, accepted: () => sent.set(element, value) };
    }
    return undefined;
  };

  /** answers whose every field the LMS took leave the outbox (called after a Commit went through) */
  const settle = () => {
    const fieldOf = (el: string) => el.slice(el.indexOf('.', 'cmi.interactions.'.length) + 1);
    outbox = outbox.filter((o) => o.index === undefined || !dialect.interactionWrites(o.index, o.answer).every(([el]) => o.accepted.has(fieldOf(el))));
  };

  const clearTimers = () => {
    clearTimeout(retryTimer);
    clearTimeout(deferredTimer);
    retryTimer = deferredTimer = undefined;
  };

  const failed = () => {
    failures++;
    if (failures >= WARN_AFTER_FAILURES) setNotice(LMS_REFUSING_NOTICE, true);
    if (retryTimer === undefined) {
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        refusedNow.clear();
        refusedRound = false;
        commitWanted = true;
        pump(false);
      }, delay);
    }
  };

  const commit = () => {
    clearTimeout(deferredTimer);
    deferredTimer = undefined;
    commitWanted = false;
    commits++;
    if (!lms!.commit()) {
      failed();
      return;
    }
    lastCommitAt = now();
    uncommitted = false;
    settle();
    if (refusedRound) {
      failed();
      return;
    }
    failures = 0;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    setNotice(LMS_REFUSING_NOTICE, false);
    // saved only when the LMS holds this very state
    if (latest) mirror.write(mirrorEntry(!heldByLms()));
  };

  /** the LMS has taken the latest state and every answer's record */
  const heldByLms = () => !!latest && sent.get(SUSPEND_DATA) === latest.suspendData && outbox.length === 0;

  /** One LMS call; false when nothing is left to do this round. */
  const step = (): boolean => {
    if (!open() || !writing) return false;
    const write = nextWrite();
    if (write) {
      if (lms!.set(write.element, write.value)) {
        write.accepted();
        uncommitted = true;
      } else {
        refusedNow.add(write.element);
        refusedRound = true;
      }
      return true;
    }
    if (commitWanted && (uncommitted || refusedRound || commits === 0)) {
      commit();
      return false;
    }
    if (uncommitted && retryTimer === undefined) {
      const wait = lastCommitAt + PAGE_COMMIT_INTERVAL_MS - now();
      if (wait <= 0) commit();
      else if (deferredTimer === undefined)
        deferredTimer = setTimeout(() => {
          deferredTimer = undefined;
          commitWanted = true;
          pump(false);
        }, wait);
    }
    return false;
  };

  /** Sends what is due: at once (`sync`, for a closing page), or as the scheduler allows. */
  function pump(sync: boolean): void {
    if (sync) {
      pumpScheduled = false;
      while (step());
      return;
    }
    if (pumpScheduled) return;
    pumpScheduled = true;
    schedule(() => {
      // a synchronous pump (flush) may have done the work meanwhile
      if (!pumpScheduled) return false;
      const more = step();
      if (!more) pumpScheduled = false;
      return more;
    });
  }

  const onPeer = (m: PeerMessage) => {
    if (m.tab === tab) return;
    if (m.kind !== 'bye') setNotice(OTHER_TAB_NOTICE, true);
    // a new tab asks (and asks again, in case the first word was lost while it loaded): answer every time
    if (m.kind === 'hello' || m.kind === 'ping') peers?.post({ kind: 'here', tab });
    if (m.kind === 'hello') {
      role = 'follower';
      leaderGone = false;
      // what the LMS does not hold yet is the new leader's to write
      if (latest) peers?.post({ kind: 'state', tab, data: latest.suspendData, answers: outbox.map((o) => storeAnswer(o.answer)) });
      outbox = [];
      clearTimers();
      pumpScheduled = false;
    } else if (m.kind === 'bye') {
      if (role === 'follower') leaderGone = true;
    } else if (m.kind === 'state') {
      if (role === 'leader') {
        for (const a of m.answers.map(loadAnswer)) if (!outbox.some((o) => sameAnswer(o.answer, a))) outbox.push({ answer: a, accepted: new Set() });
        if (m.answers.length) {
          commitWanted = true;
          saveMirror();
          pump(false);
        }
      }
      peerListeners.forEach((l) => l(m.data));
    }
  };

  /** max_time_allowed is used up: do what time_limit_action asks (SCORM RTE, 1.2 3.4.4, 2004 4.2.27) */
  /** The session's last writes (what is left, the session time, `closing`), then Terminate. */
  const endSession = (closing: ReadonlyArray<readonly [string, string]> = []) => {
    if (writing && role === 'leader') {
      refusedNow.clear();
      pump(true);
      for (const [element, value] of [dialect.sessionTime((elapsed() - startedAt) / 1000), ...closing]) lms!.set(element, value);
    }
    // Terminate commits what was set: only then do the answers leave the outbox
    if (lms!.terminate() && writing && latest) {
      settle();
      mirror.write(mirrorEntry(!heldByLms()));
    }
  };

  const timeUp = (action: TimeLimitAction) => {
    if (action === 'continue,message') setNotice(TIME_LIMIT_NOTICE, true);
    if (action.startsWith('continue')) return;
    // exit: this session ends now. The course cannot close the LMS's window, so the
    // learner is told even under "no message": otherwise further answers would
    // silently go unrecorded.
    if (writing && role === 'leader' && open()) endSession([[dialect.exitElement, TIME_OUT_EXIT]]);
    writing = false;
    clearTimers();
    setNotice(TIME_OUT_NOTICE, true);
  };

  const meetPeers = (learnerId: string) => {
    peers = openPeers(mirrorKey(course.meta.id, dialect.version, learnerId), onPeer);
    peers?.post({ kind: 'hello', tab });
    // asked again later, for a tab that was busy loading when the first word went out
    for (const wait of [1_000, 4_000]) setTimeout(() => peers?.post({ kind: 'ping', tab }), wait);
  };

  /** Decides which saved state this launch resumes, and adopts an unclaimed session's mirror. */
  const adopt = (storage: Storage | undefined, learnerId: string, fromLms: string): string | null => {
    const own = openMirror(storage, mirrorKey(course.meta.id, dialect.version, learnerId));
    const unclaimed = learnerId ? openMirror(storage, mirrorKey(course.meta.id, dialect.version, UNCLAIMED)) : undefined;
    const mine = own.read();
    const orphan = unclaimed?.read();
    const candidates = [
      { data: fromLms, stamp: fromLms ? stateStamp(fromLms) : -1 },
      ...(mine?.pending ? [{ data: mine.data, stamp: stateStamp(mine.data) }] : []),
      ...(orphan ? [{ data: orphan.data, stamp: stateStamp(orphan.data) }] : []),
    ].filter((c) => c.data);
    // the LMS is the record; a copy here wins only when it is later by its stamp
    let chosen = candidates[0];
    for (const c of candidates.slice(1)) if (!chosen || c.stamp > chosen.stamp) chosen = c;
    const pending = [...(mine?.outbox ?? []), ...(orphan?.outbox ?? [])].map(loadAnswer);
    for (const a of pending) {
      if (outbox.some((o) => sameAnswer(o.answer, a))) continue;
      if (launch?.interactionKeys.has(`${a.id}@${dialect.interactionWrites(0, a).find(([el]) => el.endsWith('.timestamp'))?.[1] ?? ''}`)) continue;
      outbox.push({ answer: a, accepted: new Set() });
    }
    mirror = own;
    if (orphan && unclaimed) {
      own.write({ data: chosen?.data ?? '', pending: true, outbox: outbox.map((o) => storeAnswer(o.answer)) });
      unclaimed.remove();
    }
    return chosen?.data || null;
  };

  return {
    kind: dialect.version === '1.2' ? 'scorm12' : 'scorm2004',
    start(): StartInfo {
      const storage = options.storage;
      if (!lms || !lms.initialize()) {
        // no LMS to tell who the learner is: keep the state unclaimed, for the next good launch to adopt
        mirror = openMirror(storage, mirrorKey(course.meta.id, dialect.version, ''));
        setNotice(LMS_UNAVAILABLE_NOTICE, true);
        writing = true;
        const entry = mirror.read();
        outbox = (entry?.outbox ?? []).map((a) => ({ answer: loadAnswer(a), accepted: new Set<string>() }));
        meetPeers('');
        return { saved: entry?.data || null, mode: 'normal' };
      }
      launch = dialect.readLaunch((element) => lms.get(element));
      for (const [element, value] of launch.held) sent.set(element, value);
      nextInteraction = launch.interactionCount;
      nextObjective = launch.objectiveCount;
      launch.objectiveIndex.forEach((n, id) => objectiveIndex.set(id, n));
      writing = launch.mode === 'normal';
      const limit = launch.timeLimit;
      if (writing && limit && limit.remainingSeconds * 1000 <= LONGEST_TIMER_MS) timeLimitTimer = setTimeout(() => timeUp(limit.action), limit.remainingSeconds * 1000);
      const saved = writing ? adopt(storage, launch.learnerId, launch.suspendData) : launch.suspendData || null;
      if (writing) meetPeers(launch.learnerId);
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
      latest = snapshot;
      let answer: AnswerReport | undefined;
      if (milestone.kind === 'answer') {
        const quiz = course.quizzes.find((q) => q.id === milestone.quizId);
        const attempt = quiz ? (snapshot.state.stories[quiz.story]?.attempts ?? 1) : 1;
        const id = interactionId(milestone.quizId, attempt);
        answer = answerReport(course, milestone.quizId, id, milestone.selection, milestone.correct, milestone.latencySeconds, milestone.at);
      } else if (milestone.kind === 'checklist' && milestone.answer && course.meta.checklist.report) {
        // quiz answers come first: a checklist answer never takes the last interaction places a quiz may need
        const room = dialect.interactionLimit - course.quizzes.length * 2;
        if (nextInteraction + outbox.length < room) answer = checklistAnswerReport(course, milestone.itemId, milestone.answer, milestone.at);
      }
      if (role === 'follower' && !leaderGone) {
        peers?.post({ kind: 'state', tab, data: snapshot.suspendData, answers: answer ? [storeAnswer(answer)] : [] });
        return;
      }
      if (answer) outbox.push({ answer, accepted: new Set() });
      // the other tab shows what this one did
      if (notices.some((n) => n.id === OTHER_TAB_NOTICE.id)) peers?.post({ kind: 'state', tab, data: snapshot.suspendData, answers: [] });
      // before any LMS call: a tab closed from here on loses nothing
      saveMirror();
      if (!open() || role === 'follower') return;
      const statusChanged = lastStatus !== undefined && lastStatus !== snapshot.progress.status;
      lastStatus = snapshot.progress.status;
      if (!(milestone.kind === 'page' || milestone.kind === 'checklist') || statusChanged) commitWanted = true;
      pump(false);
    },
    flush() {
      if (!writing || !open() || role === 'follower') return;
      const [element, value] = dialect.sessionTime((elapsed() - startedAt) / 1000);
      if (lms!.set(element, value)) uncommitted = true;
      commitWanted = true;
      refusedNow.clear();
      pump(true);
      if (uncommitted) commit();
    },
    finish() {
      clearTimers();
      clearTimeout(timeLimitTimer);
      peers?.post({ kind: 'bye', tab });
      peers?.close();
      if (open()) endSession();
    },
    onPeerState(listener) {
      peerListeners.add(listener);
    },
    onNotice(listener) {
      listeners.add(listener);
      listener(notices);
      return () => listeners.delete(listener);
    },
  };
}
