// SCORM 2004 4th edition: window.API_1484_11, completion and success kept
// apart, scaled and raw scores, and the 2004 vocabularies.
import type { Dialect } from './dialect.ts';
import { judgedScoreDue, launchMode, readHeld, readIds, readObjectiveFields, scoreRank, unlessLower, unlessSmaller } from './dialect.ts';
import { clip, scorm2004Choices } from './identifiers.ts';
import { parseNumber, percentFromScaled, timeLimitOf } from './launch.ts';
import { parseScorm2004Duration, scorm2004Duration, scorm2004Timestamp } from './time.ts';

import {
  CMI2004_COMPLETION_STATUS,
  CMI2004_EXIT,
  CMI2004_LEARNER_ID,
  CMI2004_LEARNER_NAME,
  CMI2004_LOCATION,
  CMI2004_MAX_TIME_ALLOWED,
  CMI2004_MODE,
  CMI2004_PROGRESS_MEASURE,
  CMI2004_SCALED_PASSING_SCORE,
  CMI2004_SCORE_MAX,
  CMI2004_SCORE_MIN,
  CMI2004_SCORE_RAW,
  CMI2004_SCORE_SCALED,
  CMI2004_SESSION_TIME,
  CMI2004_SUCCESS_STATUS,
  CMI2004_TIME_LIMIT_ACTION,
  CMI2004_TOTAL_TIME,
  INTERACTION_COUNT,
  OBJECTIVE_COUNT,
  SUSPEND_DATA,
  interactionElement,
  objectiveElement,
  SCORM2004_API,
  SCORM2004_API_OBJECT,
  SCORM2004_DESCRIPTION_MAX,
  SCORM2004_INTERACTIONS_SPM,
  SCORM2004_EXIT,
  SCORM2004_LOCATION_MAX,
  SCORM2004_MAX_HOPS,
  SCORM2004_RESULT,
  SCORM2004_SUSPEND_DATA_MAX,
  type InteractionField,
  type ObjectiveField,
} from '../scorm/spec.ts';

const COMPLETION_RANK: Record<string, number> = { completed: 2, incomplete: 1 };
const SUCCESS_RANK: Record<string, number> = { passed: 2, failed: 1 };
/** 403: "value not initialized", i.e. the element simply has no value yet */
const NOT_INITIALIZED = '403';


/** 0–100 as a 0–1 decimal string with at most two places */
const scaled = (percent: number) => String(Math.round(percent) / 100);

export const scorm2004: Dialect = {
  version: '2004',
  apiName: SCORM2004_API_OBJECT,
  maxHops: SCORM2004_MAX_HOPS,
  methods: SCORM2004_API,

  quietGetCodes: new Set([NOT_INITIALIZED]),
  readLaunch(get) {
    const passing = parseNumber(get(CMI2004_SCALED_PASSING_SCORE) ?? '');
    const held = new Map<string, string>();
    readHeld(get, [CMI2004_COMPLETION_STATUS, CMI2004_SUCCESS_STATUS, CMI2004_SCORE_RAW, CMI2004_SCORE_SCALED, CMI2004_PROGRESS_MEASURE, CMI2004_LOCATION, SUSPEND_DATA], held);
    const interactions = readIds(get, INTERACTION_COUNT, (n) => interactionElement(n, 'id'));
    const objectives = readIds(get, OBJECTIVE_COUNT, (n) => objectiveElement(n, 'id'));
    readObjectiveFields(get, objectives.count, ['success_status', 'completion_status', 'score.raw', 'score.scaled'], held);
    const interactionKeys = new Set<string>();
    interactions.index.forEach((n, id) => interactionKeys.add(`${id}@${get(interactionElement(n, 'timestamp')) ?? ''}`));
    return {
      mode: launchMode(get(CMI2004_MODE)),
      learnerId: get(CMI2004_LEARNER_ID) ?? '',
      learnerName: get(CMI2004_LEARNER_NAME) ?? '',
      suspendData: held.get(SUSPEND_DATA) ?? '',
      passMark: passing === undefined ? undefined : percentFromScaled(passing),
      passed: held.get(CMI2004_SUCCESS_STATUS) === 'passed',
      held,
      interactionCount: interactions.count,
      interactionKeys,
      objectiveCount: objectives.count,
      objectiveIndex: objectives.index,
      timeLimit: timeLimitOf(parseScorm2004Duration(get(CMI2004_MAX_TIME_ALLOWED) ?? ''), parseScorm2004Duration(get(CMI2004_TOTAL_TIME) ?? ''), get(CMI2004_TIME_LIMIT_ACTION)),
    };
  },
  courseWrites(report, held, lmsJudges) {
    const done = report.completed;
    return [
      ...unlessLower(CMI2004_COMPLETION_STATUS, done ? 'completed' : 'incomplete', held, (v) => COMPLETION_RANK[v] ?? 0),
      ...unlessLower(CMI2004_SUCCESS_STATUS, report.success, held, (v) => SUCCESS_RANK[v] ?? 0),
      // with a scaled_passing_score the LMS derives success_status from score.scaled alone
      // (RTE 4.2.22), so 0.31 mid-course would read "failed"; raw is never judged
      ...(judgedScoreDue(report, lmsJudges) ? unlessSmaller(CMI2004_SCORE_SCALED, Number(scaled(report.score)), held) : []),
      ...(report.scored ? [...unlessSmaller(CMI2004_SCORE_RAW, report.score, held), [CMI2004_SCORE_MIN, '0'] as const, [CMI2004_SCORE_MAX, '100'] as const] : []),
      ...unlessSmaller(CMI2004_PROGRESS_MEASURE, report.measure, held),
      [CMI2004_EXIT, SCORM2004_EXIT],
      // no bookmark yet (a launch at the welcome screen) is not written: scorm-again refuses an empty location
      ...(report.location && report.location.length <= SCORM2004_LOCATION_MAX ? [[CMI2004_LOCATION, report.location] as const] : []),
      ...(report.suspendData.length <= SCORM2004_SUSPEND_DATA_MAX ? [[SUSPEND_DATA, report.suspendData] as const] : []),
    ];
  },
  objectiveWrites(n, o, isNew) {
    const p = (field: ObjectiveField) => objectiveElement(n, field);
    return [
      ...(isNew ? [[p('id'), o.id] as const] : []),
      [p('score.scaled'), scaled(o.score)],
      [p('score.raw'), String(o.score)],
      [p('score.min'), '0'],
      [p('score.max'), '100'],
      [p('success_status'), o.success],
      [p('completion_status'), o.finished ? 'completed' : 'incomplete'],
    ];
  },
  objectiveRank: (field, value) =>
    field === 'success_status' ? (SUCCESS_RANK[value] ?? 0) : field === 'completion_status' ? (COMPLETION_RANK[value] ?? 0) : scoreRank(field, value),
  // 2004 has no status for a look, and an LMS infers none from an untouched record (Moodle keeps it unknown)
  browseWrites: () => [],
  interactionLimit: SCORM2004_INTERACTIONS_SPM,
  carriesTail: false,
  exitElement: CMI2004_EXIT,
  interactionWrites(n, a) {
    const p = (field: InteractionField) => interactionElement(n, field);
    // a checklist answer (likert) is neither right nor wrong: no key, no latency, no weight
    const quiz = a.type === 'choice';
    // Moodle refuses a response before the type is known: id, then type, then the rest
    return [
      [p('id'), a.id],
      [p('type'), a.type],
      [p('description'), clip(a.description, SCORM2004_DESCRIPTION_MAX)],
      [p('timestamp'), scorm2004Timestamp(a.at)],
      [p('weighting'), quiz ? '1' : '0'],
      [p('learner_response'), quiz ? scorm2004Choices(a.response) : a.response],
      ...(quiz
        ? ([
            [p('correct_responses.0.pattern'), scorm2004Choices(a.pattern)],
            [p('result'), a.correct ? SCORM2004_RESULT.correct : SCORM2004_RESULT.wrong],
            [p('latency'), scorm2004Duration(a.latencySeconds)],
          ] as const)
        : ([[p('result'), SCORM2004_RESULT.neutral]] as const)),
    ];
  },
  sessionTime: (seconds) => [CMI2004_SESSION_TIME, scorm2004Duration(seconds)],
};
