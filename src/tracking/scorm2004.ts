// SCORM 2004 4th edition: window.API_1484_11, completion and success kept
// apart, scaled and raw scores, and the 2004 vocabularies.
import type { Dialect } from './dialect.ts';
import { judgedScoreDue, launchMode, readIds, readObjectiveFields, scoreRank, unlessLower, unlessSmaller } from './dialect.ts';
import { clip, scorm2004Choices } from './identifiers.ts';
import { parseNumber, percentFromScaled, timeLimitOf } from './launch.ts';
import { parseScorm2004Duration, scorm2004Duration, scorm2004Timestamp } from './time.ts';

import {
  SCORM2004_API,
  SCORM2004_API_OBJECT,
  SCORM2004_DESCRIPTION_MAX,
  SCORM2004_INTERACTIONS_SPM,
  SCORM2004_EXIT,
  SCORM2004_LOCATION_MAX,
  SCORM2004_MAX_HOPS,
  SCORM2004_RESULT,
  SCORM2004_SUSPEND_DATA_MAX,
} from '../scorm/spec.ts';

const COMPLETION_RANK: Record<string, number> = { completed: 2, incomplete: 1 };
const SUCCESS_RANK: Record<string, number> = { passed: 2, failed: 1 };
/** 403: "value not initialized", i.e. the element simply has no value yet */
const NOT_INITIALIZED = '403';


const COMPLETION = 'cmi.completion_status';
const SUCCESS = 'cmi.success_status';
const RAW = 'cmi.score.raw';
const SCALED = 'cmi.score.scaled';
const MEASURE = 'cmi.progress_measure';

/** 0–100 as a 0–1 decimal string with at most two places */
const scaled = (percent: number) => String(Math.round(percent) / 100);

export const scorm2004: Dialect = {
  version: '2004',
  apiName: SCORM2004_API_OBJECT,
  maxHops: SCORM2004_MAX_HOPS,
  methods: SCORM2004_API,

  quietGetCodes: new Set([NOT_INITIALIZED]),
  readLaunch(get) {
    const passing = parseNumber(get('cmi.scaled_passing_score') ?? '');
    const held = new Map<string, string>();
    for (const element of [COMPLETION, SUCCESS, RAW, SCALED, MEASURE, 'cmi.location', 'cmi.suspend_data']) {
      const value = get(element);
      if (value) held.set(element, value);
    }
    const interactions = readIds(get, 'cmi.interactions');
    const objectives = readIds(get, 'cmi.objectives');
    readObjectiveFields(get, objectives.count, ['success_status', 'completion_status', 'score.raw', 'score.scaled'], held);
    const interactionKeys = new Set<string>();
    interactions.index.forEach((n, id) => interactionKeys.add(`${id}@${get(`cmi.interactions.${n}.timestamp`) ?? ''}`));
    return {
      mode: launchMode(get('cmi.mode')),
      learnerId: get('cmi.learner_id') ?? '',
      learnerName: get('cmi.learner_name') ?? '',
      suspendData: held.get('cmi.suspend_data') ?? '',
      passMark: passing === undefined ? undefined : percentFromScaled(passing),
      passed: held.get(SUCCESS) === 'passed',
      held,
      interactionCount: interactions.count,
      interactionKeys,
      objectiveCount: objectives.count,
      objectiveIndex: objectives.index,
      timeLimit: timeLimitOf(parseScorm2004Duration(get('cmi.max_time_allowed') ?? ''), parseScorm2004Duration(get('cmi.total_time') ?? ''), get('cmi.time_limit_action')),
    };
  },
  courseWrites(report, held, lmsJudges) {
    const done = report.completed;
    return [
      ...unlessLower(COMPLETION, done ? 'completed' : 'incomplete', held, (v) => COMPLETION_RANK[v] ?? 0),
      ...unlessLower(SUCCESS, report.success, held, (v) => SUCCESS_RANK[v] ?? 0),
      // with a scaled_passing_score the LMS derives success_status from score.scaled alone
      // (RTE 4.2.22), so 0.31 mid-course would read "failed"; raw is never judged
      ...(judgedScoreDue(report, lmsJudges) ? unlessSmaller(SCALED, Number(scaled(report.score)), held) : []),
      ...(report.scored ? [...unlessSmaller(RAW, report.score, held), [`cmi.score.min`, '0'] as const, [`cmi.score.max`, '100'] as const] : []),
      ...unlessSmaller(MEASURE, report.measure, held),
      ['cmi.exit', SCORM2004_EXIT],
      // no bookmark yet (a launch at the welcome screen) is not written: scorm-again refuses an empty location
      ...(report.location && report.location.length <= SCORM2004_LOCATION_MAX ? [['cmi.location', report.location] as const] : []),
      ...(report.suspendData.length <= SCORM2004_SUSPEND_DATA_MAX ? [['cmi.suspend_data', report.suspendData] as const] : []),
    ];
  },
  objectiveWrites(n, o, isNew) {
    const p = `cmi.objectives.${n}`;
    return [
      ...(isNew ? [[`${p}.id`, o.id] as const] : []),
      [`${p}.score.scaled`, scaled(o.score)],
      [`${p}.score.raw`, String(o.score)],
      [`${p}.score.min`, '0'],
      [`${p}.score.max`, '100'],
      [`${p}.success_status`, o.success],
      [`${p}.completion_status`, o.finished ? 'completed' : 'incomplete'],
    ];
  },
  objectiveRank: (field, value) =>
    field === 'success_status' ? (SUCCESS_RANK[value] ?? 0) : field === 'completion_status' ? (COMPLETION_RANK[value] ?? 0) : scoreRank(field, value),
  interactionLimit: SCORM2004_INTERACTIONS_SPM,
  exitElement: 'cmi.exit',
  interactionWrites(n, a) {
    const p = `cmi.interactions.${n}`;
    // a checklist answer (likert) is neither right nor wrong: no key, no latency, no weight
    const quiz = a.type === 'choice';
    // Moodle refuses a response before the type is known: id, then type, then the rest
    return [
      [`${p}.id`, a.id],
      [`${p}.type`, a.type],
      [`${p}.description`, clip(a.description, SCORM2004_DESCRIPTION_MAX)],
      [`${p}.timestamp`, scorm2004Timestamp(a.at)],
      [`${p}.weighting`, quiz ? '1' : '0'],
      [`${p}.learner_response`, quiz ? scorm2004Choices(a.response) : a.response],
      ...(quiz
        ? ([
            [`${p}.correct_responses.0.pattern`, scorm2004Choices(a.pattern)],
            [`${p}.result`, a.correct ? SCORM2004_RESULT.correct : SCORM2004_RESULT.wrong],
            [`${p}.latency`, scorm2004Duration(a.latencySeconds)],
          ] as const)
        : ([[`${p}.result`, SCORM2004_RESULT.neutral]] as const)),
    ];
  },
  sessionTime: (seconds) => ['cmi.session_time', scorm2004Duration(seconds)],
};
