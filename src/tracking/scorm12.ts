// SCORM 1.2: window.API, the cmi.core.* elements and the 1.2 vocabularies.
import type { Dialect } from './dialect.ts';
import { launchMode, readIds, unlessLower, unlessSmaller } from './dialect.ts';
import { SCORM12_MAX_HOPS } from './discovery.ts';
import { clip, SCORM12_FEEDBACK_MAX, scorm12Choices } from './identifiers.ts';
import { parseNumber } from './report.ts';
import { scorm12ClockTime, scorm12Timespan } from './time.ts';

/** CMIString4096 and CMIString255 */
export const SCORM12_SUSPEND_DATA_MAX = 4096;
export const SCORM12_LOCATION_MAX = 255;

/** lesson_status values a SCO may set; "not attempted" belongs to the LMS */
export const SCORM12_STATUS = ['passed', 'completed', 'failed', 'incomplete', 'browsed'] as const;
const STATUS_RANK: Record<string, number> = { passed: 3, completed: 2, failed: 1, incomplete: 1 };
const rank = (status: string) => STATUS_RANK[status] ?? 0;

/** exit: resumable while unfinished, a normal ("") exit when done */
export const SCORM12_EXIT = { unfinished: 'suspend', done: '' } as const;
export const SCORM12_RESULT = { correct: 'correct', wrong: 'wrong' } as const;

const STATUS = 'cmi.core.lesson_status';
const RAW = 'cmi.core.score.raw';

export const scorm12: Dialect = {
  version: '1.2',
  apiName: 'API',
  maxHops: SCORM12_MAX_HOPS,
  methods: {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    getLastError: 'LMSGetLastError',
    getErrorString: 'LMSGetErrorString',
    getDiagnostic: 'LMSGetDiagnostic',
  },
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
    return {
      mode: launchMode(get('cmi.core.lesson_mode')),
      learnerId: get('cmi.core.student_id') ?? '',
      learnerName: get('cmi.core.student_name') ?? '',
      suspendData: held.get('cmi.suspend_data') ?? '',
      passMark: mastery === undefined ? undefined : Math.min(100, Math.max(0, Math.ceil(mastery))),
      passed: held.get(STATUS) === 'passed',
      held,
      interactionCount: interactions,
      interactionIndex: new Map(),
      objectiveCount: objectives.count,
      objectiveIndex: objectives.index,
    };
  },
  courseWrites(report, held) {
    const done = report.completed;
    const writes = [
      ...unlessLower(STATUS, report.status, held, rank),
      ...unlessSmaller(RAW, report.score, held),
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.exit', done ? SCORM12_EXIT.done : SCORM12_EXIT.unfinished],
    ] as const;
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
  interactionWrites(n, a) {
    const p = `cmi.interactions.${n}`;
    return [
      [`${p}.id`, a.id],
      [`${p}.type`, 'choice'],
      [`${p}.time`, scorm12ClockTime(a.at)],
      [`${p}.weighting`, '1'],
      [`${p}.student_response`, clip(scorm12Choices(a.response), SCORM12_FEEDBACK_MAX)],
      [`${p}.correct_responses.0.pattern`, clip(scorm12Choices(a.pattern), SCORM12_FEEDBACK_MAX)],
      [`${p}.result`, a.correct ? SCORM12_RESULT.correct : SCORM12_RESULT.wrong],
      [`${p}.latency`, scorm12Timespan(a.latencySeconds)],
    ];
  },
  sessionTime: (seconds) => ['cmi.core.session_time', scorm12Timespan(seconds)],
};
