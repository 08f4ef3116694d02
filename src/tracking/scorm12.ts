// SCORM 1.2: window.API, the cmi.core.* elements and the 1.2 vocabularies.
import type { Dialect } from './dialect.ts';
import { judgedScoreDue, launchMode, readIds, readObjectiveFields, scoreRank, unlessLower, unlessSmaller } from './dialect.ts';
import { clip, scorm12Choices } from './identifiers.ts';
import { parseNumber, timeLimitOf } from './launch.ts';
import { parseScorm12Timespan, scorm12ClockTime, scorm12Timespan } from './time.ts';

import {
  SCORM12_API,
  SCORM12_API_OBJECT,
  SCORM12_EXIT,
  SCORM12_FEEDBACK_MAX,
  SCORM12_LOCATION_MAX,
  SCORM12_MAX_HOPS,
  SCORM12_RESULT,
  SCORM12_SUSPEND_DATA_MAX,
} from '../scorm/spec.ts';

// failed above incomplete: a failed the LMS holds (its mastery score decided it)
// is not replaced by an incomplete; only a pass or a completion moves it
const STATUS_RANK: Record<string, number> = { passed: 4, completed: 3, failed: 2, incomplete: 1, browsed: 0.5 };
const rank = (status: string) => STATUS_RANK[status] ?? 0;


const STATUS = 'cmi.core.lesson_status';
const RAW = 'cmi.core.score.raw';

const scorm12ExitElement = 'cmi.core.exit';

export const scorm12: Dialect = {
  version: '1.2',
  apiName: SCORM12_API_OBJECT,
  maxHops: SCORM12_MAX_HOPS,
  methods: SCORM12_API,
  quietGetCodes: new Set(),
  readLaunch(get) {
    const mastery = parseNumber(get('cmi.student_data.mastery_score') ?? '');
    const held = new Map<string, string>();
    for (const element of [STATUS, RAW, 'cmi.core.lesson_location', 'cmi.suspend_data']) {
      const value = get(element);
      if (value) held.set(element, value);
    }
    const interactions = Number(get('cmi.interactions._count') ?? '0') || 0;
    const objectives = readIds(get, 'cmi.objectives');
    readObjectiveFields(get, objectives.count, ['status', 'score.raw'], held);
    return {
      mode: launchMode(get('cmi.core.lesson_mode')),
      learnerId: get('cmi.core.student_id') ?? '',
      learnerName: get('cmi.core.student_name') ?? '',
      suspendData: held.get('cmi.suspend_data') ?? '',
      passMark: mastery === undefined ? undefined : Math.min(100, Math.max(0, Math.ceil(mastery))),
      passed: held.get(STATUS) === 'passed',
      held,
      interactionCount: interactions,
      interactionKeys: new Set(),
      objectiveCount: objectives.count,
      objectiveIndex: objectives.index,
      timeLimit: timeLimitOf(
        parseScorm12Timespan(get('cmi.student_data.max_time_allowed') ?? ''),
        parseScorm12Timespan(get('cmi.core.total_time') ?? ''),
        get('cmi.student_data.time_limit_action'),
      ),
    };
  },
  courseWrites(report, held, lmsJudges) {
    // an LMS with a mastery score turns any raw score into passed/failed at LMSFinish
    const score = judgedScoreDue(report, lmsJudges) ? [...unlessSmaller(RAW, report.score, held), ['cmi.core.score.min', '0'] as const, ['cmi.core.score.max', '100'] as const] : [];
    const writes = [...unlessLower(STATUS, report.status, held, rank), ...score, [scorm12ExitElement, SCORM12_EXIT] as const];
    const bounded = [
      // no bookmark yet (a launch at the welcome screen) is not written: scorm-again refuses an empty location
      ...(report.location && report.location.length <= SCORM12_LOCATION_MAX ? [['cmi.core.lesson_location', report.location] as const] : []),
      ...(report.suspendData.length <= SCORM12_SUSPEND_DATA_MAX ? [['cmi.suspend_data', report.suspendData] as const] : []),
    ];
    return [...writes, ...bounded];
  },
  objectiveWrites(n, o, isNew) {
    const p = `cmi.objectives.${n}`;
    const status = !o.finished ? 'incomplete' : o.success === 'passed' ? 'passed' : o.success === 'failed' ? 'failed' : 'completed';
    return [...(isNew ? [[`${p}.id`, o.id] as const] : []), [`${p}.score.raw`, String(o.score)], [`${p}.score.min`, '0'], [`${p}.score.max`, '100'], [`${p}.status`, status]];
  },
  objectiveRank: (field, value) => (field === 'status' ? rank(value) : scoreRank(field, value)),
  interactionLimit: Infinity,
  exitElement: scorm12ExitElement,
  interactionWrites(n, a) {
    const p = `cmi.interactions.${n}`;
    // a checklist answer (likert) is neither right nor wrong: no key, no latency, no weight
    const quiz = a.type === 'choice';
    return [
      [`${p}.id`, a.id],
      [`${p}.type`, a.type],
      [`${p}.time`, scorm12ClockTime(a.at)],
      [`${p}.weighting`, quiz ? '1' : '0'],
      [`${p}.student_response`, clip(quiz ? scorm12Choices(a.response) : a.response, SCORM12_FEEDBACK_MAX)],
      ...(quiz
        ? ([
            [`${p}.correct_responses.0.pattern`, clip(scorm12Choices(a.pattern), SCORM12_FEEDBACK_MAX)],
            [`${p}.result`, a.correct ? SCORM12_RESULT.correct : SCORM12_RESULT.wrong],
            [`${p}.latency`, scorm12Timespan(a.latencySeconds)],
          ] as const)
        : ([[`${p}.result`, SCORM12_RESULT.neutral]] as const)),
    ];
  },
  sessionTime: (seconds) => ['cmi.core.session_time', scorm12Timespan(seconds)],
};
