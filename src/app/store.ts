// The course model at run time: the learner state, the derived progress and the
// tracker behind them. Views read a snapshot and call the actions below.
import type { Course } from '../content/types.ts';
import { decodeState, encodeState, stateBegun, stateStamp, type CodecIds } from '../model/codec.ts';
import { evaluate, type Progress } from '../model/progress.ts';
import { isCorrect } from '../model/scoring.ts';
import * as learner from '../model/state.ts';
import type { Milestone, Notice, StartInfo, Tracker } from '../tracking/tracker.ts';
import { href, knownRoute, parseRoute, routePath, type Route } from './routes.ts';
import { fill } from '../content/ui.ts';
import { cleanName, displayName } from '../model/certificate.ts';
import { kept } from './kept.ts';

export interface View {
  state: learner.LearnerState;
  progress: Progress;
  route: Route;
  /** review/browse (the LMS's launch mode): the saved state is shown, nothing can change */
  readOnly: boolean;
  notices: Notice[];
  /** the LMS's name for the learner, as 「姓 名」; '' without one */
  learnerName: string;
  /** the name typed for the certificate when the LMS gives none */
  typedName: string;
  /** choices ticked on quizzes not yet answered, by quiz id, as a selection ('ac') */
  drafts: Readonly<Record<string, string>>;
}

export interface Store {
  course: Course;
  get(): View;
  subscribe(listener: () => void): () => void;
  /** the hash changed: record the visit */
  navigate(path: string): void;
  /** the learner sees a quiz: its latency is counted from now */
  showQuiz(quizId: string): void;
  /** choices ticked, not yet answered: kept while the learner looks elsewhere, reloads or has the tab discarded */
  tick(quizId: string, choices: string[]): void;
  answer(quizId: string, choices: string[]): void;
  retryStory(storyId: string): void;
  setChecklist(itemId: string, answer: learner.ChecklistAnswer | undefined): void;
  /** the name to print on the certificate, when the LMS gives none */
  setTypedName(name: string): void;
  dismissNotice(id: string): void;
  /** pagehide / hidden */
  flush(): void;
}

const UNREADABLE_STATE_NOTICE: Notice = { id: 'state-reset', level: 'warning' };

// a past attempt shown again (review), or a look before taking it (browse, an
// LMS's "preview"): either way nothing is recorded, but only a preview is
// likely a wrong turn for a learner who means to take the course
const REVIEW_NOTICE: Notice = { id: 'review', level: 'info' };
const BROWSE_NOTICE: Notice = { id: 'browse', level: 'warning' };

export function codecIds(course: Course, checklist: readonly string[] = []): CodecIds {
  return {
    pages: course.pages.map((p) => p.id),
    quizzes: course.quizzes.map((q) => q.id),
    stories: course.stories.map((s) => s.id),
    checklist,
  };
}

/** `elapsed`: the learner's time in ms (model/active-time.ts), for each answer's latency */
export function createStore(course: Course, tracker: Tracker, initialPath: string, elapsed: () => number = () => performance.now()): Store {
  const checklistIds = course.checklist.map((c) => c.id);
  const ids = codecIds(course, checklistIds);
  const start: StartInfo = tracker.start();
  const ownNotices: Notice[] = [];
  let state = learner.emptyState();
  /** when the state was last saved: strictly increasing, so a clock set back still orders this session's saves */
  let stamp = start.saved ? Math.max(0, stateStamp(start.saved)) : 0;
  const nextStamp = () => (stamp = Math.max(stamp + 1, Date.now()));
  /** when this attempt was first saved: kept with every save; a state saved before it was kept gives its own stamp */
  let begun = Math.max(0, stateBegun(start.saved ?? '') || stamp);
  /** a saved state checked against the content; undefined when the codec did not write it */
  const read = (text: string): learner.LearnerState | undefined => {
    try {
      return learner.reconcileState(course, decodeState(text, ids));
    } catch {
      // not a state this codec wrote
    }
  };
  if (start.saved) {
    const saved = read(start.saved);
    if (saved) state = saved;
    else ownNotices.push(UNREADABLE_STATE_NOTICE);
  }
  // this learner's other copy (answers the LMS refused here, work on another device since): what it adds is kept
  const other = start.otherSaved && read(start.otherSaved);
  if (other) state = learner.mergeStates(course, state, other);
  // the LMS's record of a pass outranks a lost or unreadable saved state
  if (start.recordedPassed) state = learner.markPassed(state, new Date());
  const learnerName = displayName(start.learnerName);
  // the name outlives the visit; ticks stay with this tab, where a reload or a discarded tab comes back
  const keptName = kept(() => localStorage, course.meta.id, 'name', start.learnerId);
  const keptDrafts = kept(() => sessionStorage, course.meta.id, 'drafts', start.learnerId);
  let typedName = learnerName ? '' : cleanName(keptName.load());
  const readOnly = start.mode !== 'normal';
  /** the ticks as the tab's storage holds them: written again only when they change */
  let keptTicks = readOnly ? '' : keptDrafts.load();
  let drafts: Record<string, string> = {};
  try {
    drafts = learner.openDrafts(course, state, Object(JSON.parse(keptTicks || '{}')));
  } catch {
    // unreadable: no ticks, as on a first visit
  }
  if (start.mode === 'review') ownNotices.push(REVIEW_NOTICE);
  else if (start.mode === 'browse') ownNotices.push(BROWSE_NOTICE);
  let trackerNotices: Notice[] = [];
  const dismissed = new Set<string>();
  const listeners = new Set<() => void>();
  const quizShownAt = new Map<string, number>();
  const evaluateOptions = { passMark: start.passMark, checklistTotal: checklistIds.length };

  let route: Route = knownRoute(course, parseRoute(initialPath));

  let view: View | undefined;
  const rebuild = (progress = evaluate(course, state, evaluateOptions)) => {
    view = {
      state,
      progress,
      route,
      readOnly,
      notices: [...ownNotices, ...trackerNotices].filter((n) => !dismissed.has(n.id)),
      learnerName,
      typedName,
      drafts,
    };
    listeners.forEach((l) => l());
  };

  // every commit passes here: an answer, by this tab or another, drops its quiz's ticks
  const draft = (s: learner.LearnerState, quizId?: string, choices: string[] = []) => {
    drafts = learner.openDrafts(course, s, quizId ? { ...drafts, [quizId]: choices.join('') } : drafts);
    const text = Object.keys(drafts).length ? JSON.stringify(drafts) : '';
    if (text !== keptTicks) keptDrafts.save((keptTicks = text));
  };

  const commit = (next: learner.LearnerState, milestone: Milestone) => {
    if (readOnly) return;
    // marking the pass changes no figure of the progress, so it is evaluated once
    const progress = evaluate(course, next, evaluateOptions);
    // the step that completes the course may be any page or quiz: say so there, and lead to the 修了証
    if (progress.status === 'passed' && view && view.progress.status !== 'passed' && !ownNotices.some((n) => n.id === 'passed')) {
      ownNotices.push({ id: 'passed', level: 'success', link: { href: href({ name: 'complete' }), label: course.ui.menu.certificate } });
    }
    state = progress.status === 'passed' ? learner.markPassed(next, new Date()) : next;
    draft(state);
    rebuild(progress);
    const at = nextStamp();
    begun ||= at;
    tracker.save({ suspendData: encodeState(state, at, begun), location: state.location, progress, state }, milestone);
  };

  /**
   * Work a session left in this browser while no LMS could say whose it was.
   * On a shared PC it may be another learner's, so it is shown and asked
   * about, never taken in unasked: taken, it is merged like another tab's.
   */
  function offerUnclaimed(data: string) {
    const theirs = read(data);
    if (!theirs) return;
    const words = course.ui.claim;
    const savedAt = stateStamp(data);
    const at = new Date(savedAt);
    const minutes = String(at.getMinutes()).padStart(2, '0');
    const notice: Notice = {
      id: 'unclaimed',
      level: 'warning',
      params: {
        // a state saved before states carried a stamp says nothing of when
        when: savedAt > 0 ? fill(words.savedAt, { month: at.getMonth() + 1, day: at.getDate(), hours: at.getHours(), minutes }) : words.savedAtUnknown,
        pages: theirs.visited.length,
        quizzes: Object.keys(theirs.answers).length,
      },
      actions: [
        {
          label: words.take,
          run: () => {
            settle();
            tracker.claimUnclaimed?.();
            const merged = learner.mergeStates(course, state, theirs);
            // where the learner was last, when that work is later than the LMS's
            const later = savedAt > (start.saved ? stateStamp(start.saved) : -1);
            commit(later && theirs.location ? learner.setLocation(merged, theirs.location) : merged, { kind: 'page' });
          },
        },
        {
          label: words.drop,
          run: () => {
            settle();
            tracker.disownUnclaimed?.();
            rebuild();
          },
        },
      ],
    };
    const settle = () => ownNotices.splice(ownNotices.indexOf(notice), 1);
    ownNotices.push(notice);
  }

  /** the learner is now on this route: bookmark it, and count a page as read */
  const arrive = (s: learner.LearnerState, to: Route): learner.LearnerState => {
    // the welcome screen is where a launch lands, not a place to come back to
    if (to.name === 'start') return s;
    const read = to.name === 'page' ? learner.visitPage(s, to.id) : s;
    return learner.setLocation(read, routePath(to));
  };

  // another tab saved: take in what it has and this one lacks
  tracker.onPeerState?.((data) => {
    const theirs = !readOnly && read(data);
    if (!theirs) return;
    const merged = learner.mergeStates(course, state, theirs);
    if (merged !== state) commit(merged, { kind: 'page' });
  });
  tracker.onNotice((n) => {
    trackerNotices = n;
    if (view) rebuild();
  });
  if (start.unclaimed && !readOnly) offerUnclaimed(start.unclaimed);
  rebuild();
  if (!readOnly) commit(arrive(state, route), { kind: 'start' });

  return {
    course,
    get: () => view!,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate(path) {
      const next = knownRoute(course, parseRoute(path));
      if (routePath(next) === routePath(route)) return;
      route = next;
      // the 修了証 reached: the notice that leads there has done its work
      if (next.name === 'complete') dismissed.add('passed');
      if (readOnly) return rebuild();
      commit(arrive(state, next), { kind: 'page' });
    },
    showQuiz(quizId) {
      if (!quizShownAt.has(quizId)) quizShownAt.set(quizId, elapsed());
    },
    tick(quizId, choices) {
      if (readOnly) return;
      draft(state, quizId, choices);
      rebuild();
    },
    answer(quizId, choices) {
      if (readOnly || state.answers[quizId] !== undefined) return;
      const next = learner.answerQuiz(course, state, quizId, choices);
      const quiz = course.quizzes.find((q) => q.id === quizId)!;
      const selection = next.answers[quizId];
      const shown = quizShownAt.get(quizId) ?? elapsed();
      quizShownAt.delete(quizId);
      commit(next, {
        kind: 'answer',
        quizId,
        selection,
        correct: isCorrect(quiz, selection),
        latencySeconds: Math.max(0, (elapsed() - shown) / 1000),
        at: new Date(),
      });
    },
    // commit() itself refuses in review and browse mode
    retryStory(storyId) {
      commit(learner.retryStory(course, state, storyId), { kind: 'retry', storyId });
    },
    setChecklist(itemId, answer) {
      commit(learner.answerChecklist(state, itemId, answer), { kind: 'checklist', itemId, answer, at: new Date() });
    },
    setTypedName(name) {
      // the field keeps what is typed (a space between family and given name is typed before the given name);
      // the certificate and the saved copy take it cleaned
      typedName = name;
      keptName.save(cleanName(name));
      rebuild();
    },
    dismissNotice(id) {
      dismissed.add(id);
      rebuild();
    },
    flush: () => tracker.flush(),
  };
}
