// A Tracker that records into a SCORM LMS, for either version (the dialect
// supplies the words). It joins the parts of a session:
//   - every save goes to the local mirror at once (a synchronous localStorage
//     write), the LMS calls come after the screen is painted, one call per task,
//     so a slow LMS never freezes the page; on flush (page hidden) and finish
//     whatever is left is sent at once;
//   - what is written, and in which order: cmi-sync.ts; when it is committed and
//     retried: commit-scheduler.ts (a refused call is logged by the connection);
//   - the mirror is marked saved only once the LMS has accepted that very
//     suspend_data and a Commit after it; an answer's interaction stays in the
//     mirror's outbox until the LMS took its every field and committed, and
//     for the rest of the session once a Commit carrying it was refused or
//     answered by a beacon (the next launch checks the LMS's record for it);
//   - the tab opened last writes the LMS (peers.ts); a time limit ends the session.
// In review and browse mode the learner's record is not written: only Initialize,
// reads and Terminate, and in browse mode what the dialect's browseWrites asks for.
import { afterPaint } from '../after-paint.ts';
import type { Course } from '../content/types.ts';
import { holdsAnswer, stateBegun, stateStamp } from '../model/codec.ts';
import { accept, nextWrite, suspendDataOf, unsettled, type LmsRecord, type Outgoing } from './cmi-sync.ts';
import { createCommitScheduler } from './commit-scheduler.ts';
import type { CopyStore } from './durable.ts';
import { connect, type Connection, type LmsError } from './connection.ts';
import { interactionElement, SUSPEND_DATA, TIME_OUT_EXIT, type TimeLimitAction } from '../scorm/spec.ts';
import type { Dialect } from './dialect.ts';
import { interactionId, quizOfInteraction } from './identifiers.ts';
import { loadAnswer, mirrorKey, openMirror, storeAnswer, UNCLAIMED, type Mirror, type MirrorEntry, type StoredAnswer } from './mirror.ts';
import { joinPeers, newTabId, OTHER_TAB_NOTICE, type PeerLink, type PeerMessage } from './peers.ts';
import { noticeBoard } from './notices.ts';
import type { Launch } from './launch.ts';
import { answerReport, checklistAnswerReport, type AnswerReport } from './report.ts';
import { shortfall, splitTail, tailEnd } from './tail.ts';
import type { Notice, Snapshot, StartInfo, Tracker } from './tracker.ts';

export const LMS_REFUSING_NOTICE: Notice = { id: 'lms-save', level: 'warning' };

const LMS_UNAVAILABLE_NOTICE: Notice = { id: 'lms-unavailable', level: 'warning' };

const TIME_LIMIT_NOTICE: Notice = { id: 'time-limit', level: 'info' };
const TIME_OUT_NOTICE: Notice = { id: 'time-out', level: 'warning' };
/** setTimeout's longest wait; a limit further off is not this session's concern */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface ScormTrackerOptions {
  /** where the local mirror lives (durable.ts); undefined when storage is unavailable */
  storage?: CopyStore;
  /** the wall clock, for the commit interval */
  now?: () => number;
  /** the learner's time in ms (model/active-time.ts: monotonic, a long stretch without input capped), for the session time and the time limit */
  elapsed?: () => number;
  log?: (error: LmsError) => void;
  /** runs LMS work (`work` makes one call and says whether more is due); the default waits for the next paint, then gives each call a task of its own */
  schedule?: (work: () => boolean) => void;
  /** whether the browser has a network at all (navigator.onLine): without one an LMS's "true" stored nothing, as Moodle's, its request failing, answers by beacon */
  online?: () => boolean;
}

/**
 * The Moodle app's own 1.2 player (moodleapp AddonModScormDataModel12, the one
 * API with a setOffline method) stores each Commit on the device before it
 * answers, by a synchronous request or, offline, in the app's database that it
 * sends later: its "true" is a save, offline and in a hidden app too, unlike
 * Moodle's web player's beacon.
 */
const savesBeforeAnswering = (api: object): boolean => typeof (api as { setOffline?: unknown }).setOffline === 'function';

const defaultLog = (e: LmsError) => console.warn(`[scorm] ${e.call}(${e.element ?? ''}) failed: ${e.code} ${e.text}${e.diagnostic ? ` — ${e.diagnostic}` : ''}`);

export function createScormTracker(dialect: Dialect, api: object | undefined, course: Course, options: ScormTrackerOptions = {}): Tracker {
  const now = options.now ?? (() => Date.now());
  const elapsed = options.elapsed ?? (() => performance.now());
  const schedule = options.schedule ?? afterPaint;
  const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const lms: Connection | undefined = api ? connect(api, dialect.methods, dialect.quietGetCodes, options.log ?? defaultLog) : undefined;
  const open = () => lms?.state === 'open';
  const trustedTrue = !!api && savesBeforeAnswering(api);
  const startedAt = elapsed();
  /** this session's length so far, in the learner's time */
  const sessionMs = () => elapsed() - startedAt;
  let launch: Launch | undefined;
  let mirror: Mirror = openMirror(undefined, '');
  let writing = false;
  let record: LmsRecord = { held: new Map(), nextInteraction: 0, nextObjective: 0, objectiveIndex: new Map(), tail: [] };
  /** the LMS's _count fell short of the interactions this attempt wrote (tail.ts): an answer in doubt may be in a hole */
  let countShort = false;
  let outbox: Outgoing[] = [];
  let latest: Snapshot | undefined;
  let lastStatus: string | undefined;
  let timeLimitTimer: ReturnType<typeof setTimeout> | undefined;
  let pumpScheduled = false;

  const tab = newTabId();
  /** the tab opened last leads and alone writes the LMS; an older one hands it its work (peers.ts) */
  let role: 'leader' | 'follower' = 'leader';
  let leaderGone = false;
  let peers: PeerLink | undefined;
  const peerListeners = new Set<(data: string) => void>();

  const notices = noticeBoard();

  /** the LMS holds some state of this attempt: one it handed over at launch, or a round it took since */
  let confirmed = false;
  const mirrorEntry = (pending: boolean): MirrorEntry => ({ data: latest?.suspendData ?? '', pending, outbox: outbox.map((o) => storeAnswer(o.answer, o.index)), confirmed });
  /** an answer joins the outbox unless it is there already (the same id at the same moment) */
  const enqueue = (a: AnswerReport) => {
    if (!outbox.some((o) => o.answer.id === a.id && o.answer.at.getTime() === a.at.getTime())) outbox.push({ answer: a, accepted: new Set() });
  };
  const saveMirror = () => {
    if (latest) mirror.write(mirrorEntry(true));
  };

  /**
   * The page is hidden or going away (flush, hidden, finish), or may be
   * (closing: from its beforeunload on). An LMS may then send what it got as a
   * beacon and answer "true" before storing it: Moodle's request.js does so
   * from the beforeunload, the pagehide or the page's hiding until it is shown
   * again or gone, and on if a navigation is called off, while a retry can
   * still run as the next page loads. A reloaded player can read its record
   * before the beacon lands, and a logged-out learner's beacon never lands:
   * such a "true" settles nothing, the copy here stays pending and keeps its
   * answers, so the next launch takes them.
   */
  let leaving = false;

  /** a Commit or Terminate went through: its answers leave the outbox, unless it was a closing page's, which may be a beacon's unsent "true" */
  const settleOutbox = () => {
    if (!leaving) outbox = unsettled(dialect, outbox);
  };

  /** the LMS has taken the latest state and every answer's record */
  const heldByLms = () => !leaving && !!latest && record.held.get(SUSPEND_DATA) === suspendDataOf(dialect, record, latest.suspendData) && outbox.length === 0;

  const scheduler = createCommitScheduler(
    { now, setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) },
    {
      commit: () => {
        const outcome = !lms!.commit() ? 'refused' : trustedTrue ? 'stored' : !online() ? 'refused' : leaving ? 'unconfirmed' : 'stored';
        if (outcome !== 'stored') for (const o of outbox) if (o.accepted.size) o.doubtful = true;
        return outcome;
      },
      committed: settleOutbox,
      saved: () => {
        if (!latest) return;
        confirmed = true;
        mirror.write(mirrorEntry(!heldByLms()));
      },
      warn: (on) => notices.set(LMS_REFUSING_NOTICE, on),
      wake: () => pump(false),
    },
  );

  /** One LMS call; false when nothing is left to do this round. */
  const step = (): boolean => {
    if (!open() || !writing) return false;
    const target = latest && launch ? { course, snapshot: latest, lmsJudges: launch.passMark !== undefined } : undefined;
    const write = nextWrite(dialect, record, outbox, target, scheduler.isRefused);
    if (!write) {
      scheduler.idle();
      return false;
    }
    if (lms!.set(write.element, write.value)) {
      accept(record, write);
      scheduler.accepted();
    } else scheduler.refused(write.element);
    return true;
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
    if (m.kind !== 'bye') notices.set(OTHER_TAB_NOTICE, true);
    if (m.kind === 'hello') {
      role = 'follower';
      leaderGone = false;
      // what the LMS does not hold yet is the new leader's to write
      // (not those it wrote in doubt: the new leader would write them again, as new records)
      if (latest) peers?.post({ kind: 'state', tab, data: latest.suspendData, answers: outbox.filter((o) => !o.doubtful).map((o) => storeAnswer(o.answer)) });
      outbox = [];
      scheduler.stop();
      pumpScheduled = false;
    } else if (m.kind === 'bye') {
      if (role === 'follower') leaderGone = true;
    } else if (m.kind === 'state') {
      if (role === 'leader') {
        m.answers.map(loadAnswer).forEach(enqueue);
        if (m.answers.length) {
          scheduler.milestone();
          saveMirror();
          pump(false);
        }
      }
      peerListeners.forEach((l) => l(m.data));
    }
  };

  /** The session's last writes (what is left, the session time, `closing`), then Terminate. */
  const endSession = (closing: ReadonlyArray<readonly [string, string]> = []) => {
    if (writing && role === 'leader') {
      scheduler.drainAll(() => pump(true));
      for (const [element, value] of [dialect.sessionTime(sessionMs() / 1000), ...closing]) lms!.set(element, value);
    }
    // Terminate commits what was set
    if (lms!.terminate() && writing && latest) {
      settleOutbox();
      mirror.write(mirrorEntry(!heldByLms()));
    }
  };

  /** max_time_allowed is used up: do what time_limit_action asks (SCORM RTE, 1.2 3.4.4, 2004 4.2.27) */
  const timeUp = (action: TimeLimitAction) => {
    if (action === 'continue,message') notices.set(TIME_LIMIT_NOTICE, true);
    if (action.startsWith('continue')) return;
    // exit: this session ends now. The course cannot close the LMS's window, so the
    // learner is told even under "no message": otherwise further answers would
    // silently go unrecorded.
    if (writing && role === 'leader' && open()) endSession([[dialect.exitElement, TIME_OUT_EXIT]]);
    writing = false;
    scheduler.stop();
    notices.set(TIME_OUT_NOTICE, true);
  };

  /** the limit is on the time the session time counts: while the learner is away the limit waits too */
  const watchTimeLimit = (limit: NonNullable<Launch['timeLimit']>, waitMs: number) => {
    if (waitMs > LONGEST_TIMER_MS) return;
    timeLimitTimer = setTimeout(() => {
      const left = limit.remainingSeconds * 1000 - sessionMs();
      if (left <= 0) timeUp(limit.action);
      else watchTimeLimit(limit, left);
    }, waitMs);
  };

  const meetPeers = (learnerId: string) => {
    peers = joinPeers(mirrorKey(course.meta.id, dialect.version, learnerId), tab, onPeer);
  };

  /**
   * Answers a copy here still owes the LMS. One the LMS already holds is not
   * written again: 2004 has its id and timestamp on record; 1.2's ids are
   * write-only, but its count shows whether the index the LMS took the id at
   * is filled, and its state whether with this answer: another device may
   * have filled it since. A count short of the indexes the tail names shows
   * nothing of the kind (a hole below it, or the Moodle app's count), so the
   * answer is written again.
   */
  const owed = (answers: StoredAnswer[]) => {
    for (const stored of answers) {
      const a = loadAnswer(stored);
      const keys = launch?.interactionKeys;
      const held = keys
        ? keys.has(`${a.id}@${dialect.interactionWrites(0, a).find(([el]) => el === interactionElement(0, 'timestamp'))?.[1] ?? ''}`)
        : stored.index !== undefined &&
          stored.index < (launch?.interactionCount ?? 0) &&
          !countShort &&
          holdsAnswer(launch!.suspendData, a.type === 'likert' ? a.id : quizOfInteraction(a.id), a.response, a.type === 'likert');
      if (!held) enqueue(a);
    }
  };

  /**
   * A session no LMS knew the learner of left its work here, unclaimed. On a
   * shared PC that may be someone else's, so it is only offered (StartInfo.unclaimed);
   * the learner's word takes it in (claimUnclaimed) or drops it (disownUnclaimed).
   */
  let unclaimed: { mirror: Mirror; entry: MirrorEntry } | undefined;

  /**
   * Decides which saved state this launch resumes: the LMS's, or this learner's
   * later copy here; the other of the two, when both differ, goes with it to be merged.
   */
  const resume = (storage: CopyStore | undefined, learnerId: string, fromLms: string): { saved: string | null; other?: string } => {
    const own = openMirror(storage, mirrorKey(course.meta.id, dialect.version, learnerId));
    confirmed = !!fromLms;
    const stored = own.read();
    // an empty record where the LMS once held this copy's attempt: a new attempt, or one an administrator deleted
    const mine = !fromLms && stored?.confirmed ? undefined : stored;
    // the LMS is the record; a copy here wins only when it is later by its stamp, and
    // another copy of the same attempt goes with the one chosen, to be merged into it
    let chosen = fromLms;
    let other: string | undefined;
    if (mine?.pending && mine.data && mine.data !== fromLms) {
      // when each attempt began: 0 where the state is older than that field, -1 for no state
      const here = stateBegun(mine.data);
      const there = stateBegun(fromLms);
      // a copy the LMS never held a state of belongs to the attempt it holds now, which began elsewhere
      const sameAttempt = !mine.confirmed || (here > 0 && here === there);
      const later = !fromLms || stateStamp(mine.data) > stateStamp(fromLms);
      // a copy of an earlier attempt stays out of the one the LMS holds now (the answers it owes are still sent)
      if (later && (sameAttempt || here <= 0 || there <= 0)) chosen = mine.data;
      if (sameAttempt) other = (later ? fromLms : mine.data) || undefined;
    }
    owed(mine?.outbox ?? []);
    mirror = own;
    if (learnerId) {
      const other = openMirror(storage, mirrorKey(course.meta.id, dialect.version, UNCLAIMED));
      const entry = other.read();
      if (entry?.data) unclaimed = { mirror: other, entry };
    }
    return { saved: chosen || null, other };
  };

  return {
    start(): StartInfo {
      const storage = options.storage;
      if (!lms || !lms.initialize()) {
        // no LMS to tell who the learner is: keep the state unclaimed, for the next good launch to adopt
        mirror = openMirror(storage, mirrorKey(course.meta.id, dialect.version, ''));
        notices.set(LMS_UNAVAILABLE_NOTICE, true);
        writing = true;
        const entry = mirror.read();
        outbox = (entry?.outbox ?? []).map((a) => ({ answer: loadAnswer(a), accepted: new Set<string>() }));
        meetPeers('');
        return { saved: entry?.data || null, mode: 'normal' };
      }
      const read = dialect.readLaunch((element) => lms.get(element));
      const { state, tail } = dialect.carriesTail ? splitTail(read.suspendData, course) : { state: read.suspendData, tail: [] };
      launch = { ...read, suspendData: state };
      // the session's record starts from what the LMS holds (nothing else keeps the launch's maps)
      record = { held: launch.held, nextInteraction: launch.interactionCount, nextObjective: launch.objectiveCount, objectiveIndex: launch.objectiveIndex, tail };
      writing = launch.mode === 'normal';
      const again = shortfall(tail, launch.interactionCount);
      if (writing && again.length) {
        // the same records at the same indexes first, so that the LMS counts them again; new answers go after them
        outbox = again.map((e) => ({ answer: e.answer, index: e.index, accepted: new Set<string>() }));
        record.nextInteraction = tailEnd(tail);
      }
      countShort = tailEnd(tail) > launch.interactionCount;
      if (writing && launch.timeLimit) watchTimeLimit(launch.timeLimit, launch.timeLimit.remainingSeconds * 1000);
      if (launch.mode === 'browse') {
        const look = dialect.browseWrites(launch.held);
        for (const [element, value] of look) lms.set(element, value);
        if (look.length) lms.commit();
      }
      const { saved, other } = writing ? resume(storage, launch.learnerId, launch.suspendData) : { saved: launch.suspendData || null, other: undefined };
      if (writing) meetPeers(launch.learnerId);
      return {
        saved,
        otherSaved: other,
        mode: launch.mode,
        passMark: launch.passMark,
        learnerName: launch.learnerName || undefined,
        learnerId: launch.learnerId || undefined,
        recordedPassed: launch.passed,
        unclaimed: unclaimed?.entry.data,
      };
    },
    save(snapshot, milestone) {
      if (!writing) return;
      latest = snapshot;
      let answer: AnswerReport | undefined;
      if (milestone.kind === 'answer') {
        const quiz = course.quizzes.find((q) => q.id === milestone.quizId)!;
        const id = interactionId(milestone.quizId, snapshot.state.stories[quiz.story]?.attempts ?? 1);
        answer = answerReport(course, milestone.quizId, id, milestone.selection, milestone.correct, milestone.latencySeconds, milestone.at);
      } else if (milestone.kind === 'checklist' && milestone.answer && course.meta.checklist.report) {
        // quiz answers come first: a checklist answer never takes the last interaction places a quiz may need
        const room = dialect.interactionLimit - course.quizzes.length * 2;
        if (record.nextInteraction + outbox.filter((o) => o.index === undefined).length < room) answer = checklistAnswerReport(course, milestone.itemId, milestone.answer, milestone.at);
      }
      if (role === 'follower' && !leaderGone) {
        peers?.post({ kind: 'state', tab, data: snapshot.suspendData, answers: answer ? [storeAnswer(answer)] : [] });
        return;
      }
      if (answer) outbox.push({ answer, accepted: new Set() });
      // the other tab shows what this one did
      if (notices.has(OTHER_TAB_NOTICE)) peers?.post({ kind: 'state', tab, data: snapshot.suspendData, answers: [] });
      // before any LMS call: a tab closed from here on loses nothing
      saveMirror();
      if (!open() || role === 'follower') return;
      const statusChanged = lastStatus !== undefined && lastStatus !== snapshot.progress.status;
      lastStatus = snapshot.progress.status;
      if (!(milestone.kind === 'page' || milestone.kind === 'checklist') || statusChanged) scheduler.milestone();
      pump(false);
    },
    flush() {
      if (!writing || !open() || role === 'follower') return;
      const [element, value] = dialect.sessionTime(sessionMs() / 1000);
      if (lms!.set(element, value)) scheduler.accepted();
      // a page that was already closing stays so
      const wasLeaving = leaving;
      leaving = true;
      scheduler.flush(() => pump(true));
      leaving = wasLeaving;
    },
    closing() {
      leaving = true;
    },
    hidden(on) {
      leaving = on;
    },
    finish() {
      leaving = true;
      scheduler.stop();
      clearTimeout(timeLimitTimer);
      peers?.post({ kind: 'bye', tab });
      peers?.close();
      if (open()) endSession();
    },
    onPeerState(listener) {
      peerListeners.add(listener);
    },
    claimUnclaimed() {
      if (!unclaimed) return;
      owed(unclaimed.entry.outbox);
      // answers the LMS has never seen, like an answer given now: committed as soon as they are written, not with the pages a minute later
      scheduler.milestone();
      unclaimed.mirror.remove();
      unclaimed = undefined;
    },
    disownUnclaimed() {
      unclaimed?.mirror.remove();
      unclaimed = undefined;
    },
    onNotice: notices.onNotice,
  };
}
