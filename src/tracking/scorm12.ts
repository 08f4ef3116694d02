// SCORM 1.2: window.API, the cmi.core.* elements and the 1.2 vocabularies.
import type { Dialect } from './dialect.ts';
import { judgedScoreDue, launchMode, readHeld, readIds, readObjectiveFields, scoreRank, unlessLower, unlessSmaller } from './dialect.ts';
import { clip, scorm12Choices } from './identifiers.ts';
import { parseNumber, timeLimitOf } from './launch.ts';
import { parseScorm12Timespan, scorm12ClockTime, scorm12Timespan } from './time.ts';

import {
  CMI12_EXIT,
  CMI12_LEARNER_ID,
  CMI12_LEARNER_NAME,
  CMI12_LOCATION,
  CMI12_MASTERY_SCORE,
  CMI12_MAX_TIME_ALLOWED,
  CMI12_MODE,
  CMI12_SCORE_MAX,
  CMI12_SCORE_MIN,
  CMI12_SCORE_RAW,
  CMI12_SESSION_TIME,
  CMI12_STATUS,
  CMI12_TIME_LIMIT_ACTION,
  CMI12_TOTAL_TIME,
  INTERACTION_COUNT,
  OBJECTIVE_COUNT,
  SUSPEND_DATA,
  interactionElement,
  objectiveElement,
  SCORM12_API,
  SCORM12_API_OBJECT,
  SCORM12_BROWSED,
  SCORM12_EXIT,
  SCORM12_FEEDBACK_MAX,
  SCORM12_LOCATION_MAX,
  SCORM12_MAX_HOPS,
  SCORM12_RESULT,
  SCORM12_SUSPEND_DATA_MAX,
  SCORM12_UNTOUCHED,
  type InteractionField,
  type ObjectiveField,
} from '../scorm/spec.ts';

// failed above incomplete: a failed the LMS holds (its mastery score decided it)
// is not replaced by an incomplete; only a pass or a completion moves it
const STATUS_RANK: Record<string, number> = { passed: 4, completed: 3, failed: 2, incomplete: 1, browsed: 0.5 };
const rank = (status: string) => STATUS_RANK[status] ?? 0;


export const scorm12: Dialect = {
  version: '1.2',
  apiName: SCORM12_API_OBJECT,
  maxHops: SCORM12_MAX_HOPS,
  methods: SCORM12_API,
  quietGetCodes: new Set(),
  readLaunch(get) {
    const mastery = parseNumber(get(CMI12_MASTERY_SCORE) ?? '');
    const held = new Map<string, string>();
    readHeld(get, [CMI12_STATUS, CMI12_SCORE_RAW, CMI12_LOCATION, SUSPEND_DATA], held);
    const interactions = Number(get(INTERACTION_COUNT) ?? '0') || 0;
    const objectives = readIds(get, OBJECTIVE_COUNT, (n) => objectiveElement(n, 'id'));
    readObjectiveFields(get, objectives.count, ['status', 'score.raw'], held);
    return {
      mode: launchMode(get(CMI12_MODE)),
      learnerId: get(CMI12_LEARNER_ID) ?? '',
      learnerName: get(CMI12_LEARNER_NAME) ?? '',
      suspendData: held.get(SUSPEND_DATA) ?? '',
      passMark: mastery === undefined ? undefined : Math.min(100, Math.max(0, Math.ceil(mastery))),
      passed: held.get(CMI12_STATUS) === 'passed',
      held,
      interactionCount: interactions,
      objectiveCount: objectives.count,
      objectiveIndex: objectives.index,
      timeLimit: timeLimitOf(
        parseScorm12Timespan(get(CMI12_MAX_TIME_ALLOWED) ?? ''),
        parseScorm12Timespan(get(CMI12_TOTAL_TIME) ?? ''),
        get(CMI12_TIME_LIMIT_ACTION),
      ),
    };
  },
  courseWrites(report, held, lmsJudges) {
    // an LMS with a mastery score turns any raw score into passed/failed at LMSFinish
    const score = judgedScoreDue(report, lmsJudges) ? [...unlessSmaller(CMI12_SCORE_RAW, report.score, held), [CMI12_SCORE_MIN, '0'] as const, [CMI12_SCORE_MAX, '100'] as const] : [];
    const writes = [...unlessLower(CMI12_STATUS, report.status, held, rank), ...score, [CMI12_EXIT, SCORM12_EXIT] as const];
    const bounded = [
      // no bookmark yet (a launch at the welcome screen) is not written: scorm-again refuses an empty location
      ...(report.location && report.location.length <= SCORM12_LOCATION_MAX ? [[CMI12_LOCATION, report.location] as const] : []),
      ...(report.suspendData.length <= SCORM12_SUSPEND_DATA_MAX ? [[SUSPEND_DATA, report.suspendData] as const] : []),
    ];
    return [...writes, ...bounded];
  },
  objectiveWrites(n, o, isNew) {
    const p = (field: ObjectiveField) => objectiveElement(n, field);
    // a finished story is passed, failed or (no verdict) completed
    const status = !o.finished ? 'incomplete' : o.success === 'unknown' ? 'completed' : o.success;
    return [...(isNew ? [[p('id'), o.id] as const] : []), [p('score.raw'), String(o.score)], [p('score.min'), '0'], [p('score.max'), '100'], [p('status'), status]];
  },
  objectiveRank: (field, value) => (field === 'status' ? rank(value) : scoreRank(field, value)),
  browseWrites: (held) => ((held.get(CMI12_STATUS) ?? SCORM12_UNTOUCHED) === SCORM12_UNTOUCHED ? [[CMI12_STATUS, SCORM12_BROWSED]] : []),
  interactionLimit: Infinity,
  carriesTail: true,
  exitElement: CMI12_EXIT,
  interactionWrites(n, a) {
    const p = (field: InteractionField) => interactionElement(n, field);
    // a checklist answer (likert) is neither right nor wrong: no key, no latency, no weight
    const quiz = a.type === 'choice';
    return [
      [p('id'), a.id],
      [p('type'), a.type],
      [p('time'), scorm12ClockTime(a.at)],
      [p('weighting'), quiz ? '1' : '0'],
      [p('student_response'), clip(quiz ? scorm12Choices(a.response) : a.response, SCORM12_FEEDBACK_MAX)],
      ...(quiz
        ? ([
            [p('correct_responses.0.pattern'), clip(scorm12Choices(a.pattern), SCORM12_FEEDBACK_MAX)],
            [p('result'), a.correct ? SCORM12_RESULT.correct : SCORM12_RESULT.wrong],
            [p('latency'), scorm12Timespan(a.latencySeconds)],
          ] as const)
        : ([[p('result'), SCORM12_RESULT.neutral]] as const)),
    ];
  },
  sessionTime: (seconds) => [CMI12_SESSION_TIME, scorm12Timespan(seconds)],
};
