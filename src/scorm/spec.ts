// The SCORM facts this project relies on, stated once: the two versions, the
// API objects and their method names, the size limits every conformant LMS
// must keep (SCORM 1.2 RTE data types, SCORM 2004 4th edition SPMs), the
// vocabularies the course writes, and the identifier rule every LMS we know
// accepts. The course's dialects (src/tracking/scorm12.ts, scorm2004.ts), the
// packager, the LMS host and the preview import them from here; how the two
// versions behave differently lives in the dialects only.

export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

/** the window property the LMS sets */
export const SCORM12_API_OBJECT = 'API';
export const SCORM2004_API_OBJECT = 'API_1484_11';

export interface ApiNames {
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
  getDiagnostic: string;
}

export const SCORM12_API: ApiNames = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
  getDiagnostic: 'LMSGetDiagnostic',
};

export const SCORM2004_API: ApiNames = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
  getDiagnostic: 'GetDiagnostic',
};

export const API: Readonly<Record<ScormVersion, ApiNames>> = { '1.2': SCORM12_API, '2004': SCORM2004_API };

/** hop limits of ADL's sample API discovery algorithms */
export const SCORM12_MAX_HOPS = 7;
export const SCORM2004_MAX_HOPS = 500;

/** SCORM 1.2: cmi.suspend_data is a CMIString4096 */
export const SCORM12_SUSPEND_DATA_MAX = 4096;
/** SCORM 1.2: cmi.core.lesson_location is a CMIString255 */
export const SCORM12_LOCATION_MAX = 255;
/** SCORM 1.2: interaction responses and patterns are CMIFeedback, 255 characters */
export const SCORM12_FEEDBACK_MAX = 255;
/** SCORM 2004: cmi.suspend_data, SPM 64000 characters */
export const SCORM2004_SUSPEND_DATA_MAX = 64000;
/** SCORM 2004: cmi.location, SPM 1000 characters */
export const SCORM2004_LOCATION_MAX = 1000;
/** SCORM 2004: cmi.interactions.n.description (localized_string_type), SPM 250 */
export const SCORM2004_DESCRIPTION_MAX = 250;

/** The limits by version, for the LMS host's checks and the preview's gauges. */
export const LIMITS = {
  '1.2': { suspendData: SCORM12_SUSPEND_DATA_MAX, location: SCORM12_LOCATION_MAX, feedback: SCORM12_FEEDBACK_MAX },
  '2004': { suspendData: SCORM2004_SUSPEND_DATA_MAX, location: SCORM2004_LOCATION_MAX, description: SCORM2004_DESCRIPTION_MAX },
} as const;

/**
 * cmi.core.exit / cmi.exit is always "suspend", after completion too: on "normal"
 * (or "") the attempt is over and a 2004 LMS hands the next launch an empty data
 * model (RTE 4.2.8; Moodle then also rewrites total_time from it), so a learner
 * who passed would come back to 0 pages and 0 points. The status says they are done.
 */
export const SCORM12_EXIT = 'suspend';
export const SCORM2004_EXIT = 'suspend';
/**
 * cmi.core.lesson_status a 1.2 launch in browse mode (an LMS's "preview") sets
 * over an untouched record. A 1.2 LMS turns a status still "not attempted" at
 * LMSFinish into "completed" (RTE 3.4.4); Moodle 4.5 does so in browse mode too
 * (scorm_12.js StoreData), which ends the attempt: the learner's next Enter
 * opens in review, with nothing taken.
 */
export const SCORM12_BROWSED = 'browsed';
export const SCORM12_UNTOUCHED = 'not attempted';
/** cmi.interactions.n.result for a right and a wrong answer */
export const SCORM12_RESULT = { correct: 'correct', wrong: 'wrong', neutral: 'neutral' } as const;
export const SCORM2004_RESULT = { correct: 'correct', wrong: 'incorrect', neutral: 'neutral' } as const;
/**
 * time_limit_action (1.2 cmi.student_data.time_limit_action, 2004 cmi.time_limit_action):
 * what the SCO does once max_time_allowed is used up — end the session or go on,
 * telling the learner or not. The exit it then sets is "time-out" in both versions.
 */
export const TIME_LIMIT_ACTIONS = ['exit,message', 'exit,no message', 'continue,message', 'continue,no message'] as const;
export type TimeLimitAction = (typeof TIME_LIMIT_ACTIONS)[number];
export const TIME_OUT_EXIT = 'time-out';
/** 2004's smallest permitted maximum of cmi.interactions (RTE 4.2.9); 1.2 sets none */
export const SCORM2004_INTERACTIONS_SPM = 250;

/**
 * Interaction and objective ids: the specs allow more, but Moodle wants an
 * identifier to end in a letter or digit and a 2004 choice token to match
 * [\w.]; [A-Za-z0-9_] ending in a letter or digit passes every LMS we know.
 */
export const SAFE_ID = /^[A-Za-z0-9_]*[A-Za-z0-9]$/;

/** elements both versions name alike */
export const SUSPEND_DATA = 'cmi.suspend_data';
export const INTERACTION_COUNT = 'cmi.interactions._count';
export const OBJECTIVE_COUNT = 'cmi.objectives._count';

/**
 * The data model elements the course, the LMS host and the preview name, SCORM 1.2
 * (RTE 3.4). Each is a constant of its own, so that the course's bundle carries no
 * property names; CMI12 and CMI2004 group them by name for the LMS host and the preview.
 * (CMI12_EXIT is the element; SCORM12_EXIT above is the value the course sets.)
 */
export const CMI12_STATUS = 'cmi.core.lesson_status';
export const CMI12_SCORE_RAW = 'cmi.core.score.raw';
export const CMI12_SCORE_MIN = 'cmi.core.score.min';
export const CMI12_SCORE_MAX = 'cmi.core.score.max';
export const CMI12_LOCATION = 'cmi.core.lesson_location';
export const CMI12_EXIT = 'cmi.core.exit';
export const CMI12_ENTRY = 'cmi.core.entry';
export const CMI12_CREDIT = 'cmi.core.credit';
export const CMI12_MODE = 'cmi.core.lesson_mode';
export const CMI12_LEARNER_ID = 'cmi.core.student_id';
export const CMI12_LEARNER_NAME = 'cmi.core.student_name';
export const CMI12_SESSION_TIME = 'cmi.core.session_time';
export const CMI12_TOTAL_TIME = 'cmi.core.total_time';
export const CMI12_MASTERY_SCORE = 'cmi.student_data.mastery_score';
export const CMI12_MAX_TIME_ALLOWED = 'cmi.student_data.max_time_allowed';
export const CMI12_TIME_LIMIT_ACTION = 'cmi.student_data.time_limit_action';
export const CMI12 = {
  status: CMI12_STATUS,
  scoreRaw: CMI12_SCORE_RAW,
  scoreMin: CMI12_SCORE_MIN,
  scoreMax: CMI12_SCORE_MAX,
  location: CMI12_LOCATION,
  suspendData: SUSPEND_DATA,
  exit: CMI12_EXIT,
  entry: CMI12_ENTRY,
  credit: CMI12_CREDIT,
  mode: CMI12_MODE,
  learnerId: CMI12_LEARNER_ID,
  learnerName: CMI12_LEARNER_NAME,
  sessionTime: CMI12_SESSION_TIME,
  totalTime: CMI12_TOTAL_TIME,
  masteryScore: CMI12_MASTERY_SCORE,
  maxTimeAllowed: CMI12_MAX_TIME_ALLOWED,
  timeLimitAction: CMI12_TIME_LIMIT_ACTION,
  interactionCount: INTERACTION_COUNT,
  objectiveCount: OBJECTIVE_COUNT,
} as const;

/** The same for SCORM 2004 (RTE 4.2): completion and success apart, a scaled score, a progress measure. */
export const CMI2004_COMPLETION_STATUS = 'cmi.completion_status';
export const CMI2004_SUCCESS_STATUS = 'cmi.success_status';
export const CMI2004_SCORE_RAW = 'cmi.score.raw';
export const CMI2004_SCORE_MIN = 'cmi.score.min';
export const CMI2004_SCORE_MAX = 'cmi.score.max';
export const CMI2004_SCORE_SCALED = 'cmi.score.scaled';
export const CMI2004_PROGRESS_MEASURE = 'cmi.progress_measure';
export const CMI2004_LOCATION = 'cmi.location';
export const CMI2004_EXIT = 'cmi.exit';
export const CMI2004_ENTRY = 'cmi.entry';
export const CMI2004_CREDIT = 'cmi.credit';
export const CMI2004_MODE = 'cmi.mode';
export const CMI2004_LEARNER_ID = 'cmi.learner_id';
export const CMI2004_LEARNER_NAME = 'cmi.learner_name';
export const CMI2004_SESSION_TIME = 'cmi.session_time';
export const CMI2004_TOTAL_TIME = 'cmi.total_time';
export const CMI2004_SCALED_PASSING_SCORE = 'cmi.scaled_passing_score';
export const CMI2004_MAX_TIME_ALLOWED = 'cmi.max_time_allowed';
export const CMI2004_TIME_LIMIT_ACTION = 'cmi.time_limit_action';
export const CMI2004 = {
  completionStatus: CMI2004_COMPLETION_STATUS,
  successStatus: CMI2004_SUCCESS_STATUS,
  scoreRaw: CMI2004_SCORE_RAW,
  scoreMin: CMI2004_SCORE_MIN,
  scoreMax: CMI2004_SCORE_MAX,
  scoreScaled: CMI2004_SCORE_SCALED,
  progressMeasure: CMI2004_PROGRESS_MEASURE,
  location: CMI2004_LOCATION,
  suspendData: SUSPEND_DATA,
  exit: CMI2004_EXIT,
  entry: CMI2004_ENTRY,
  credit: CMI2004_CREDIT,
  mode: CMI2004_MODE,
  learnerId: CMI2004_LEARNER_ID,
  learnerName: CMI2004_LEARNER_NAME,
  sessionTime: CMI2004_SESSION_TIME,
  totalTime: CMI2004_TOTAL_TIME,
  scaledPassingScore: CMI2004_SCALED_PASSING_SCORE,
  maxTimeAllowed: CMI2004_MAX_TIME_ALLOWED,
  timeLimitAction: CMI2004_TIME_LIMIT_ACTION,
  interactionCount: INTERACTION_COUNT,
  objectiveCount: OBJECTIVE_COUNT,
} as const;

/** the fields of cmi.interactions.n the course writes (1.2 `time`/`student_response`, 2004 `timestamp`/`learner_response`/`description`) */
export type InteractionField = 'id' | 'type' | 'time' | 'timestamp' | 'description' | 'weighting' | 'student_response' | 'learner_response' | 'correct_responses.0.pattern' | 'result' | 'latency';
/** the fields of cmi.objectives.n the course writes (1.2 `status`, 2004 `success_status`/`completion_status`/`score.scaled`) */
export type ObjectiveField = 'id' | 'status' | 'success_status' | 'completion_status' | 'score.raw' | 'score.min' | 'score.max' | 'score.scaled';

export const interactionElement = (n: number, field: InteractionField) => `cmi.interactions.${n}.${field}` as const;
export const objectiveElement = (n: number, field: ObjectiveField) => `cmi.objectives.${n}.${field}` as const;

/** every element the course writes or reads */
export type CmiElement =
  | (typeof CMI12)[keyof typeof CMI12]
  | (typeof CMI2004)[keyof typeof CMI2004]
  | ReturnType<typeof interactionElement>
  | ReturnType<typeof objectiveElement>;

/** The field of an element of cmi.interactions or cmi.objectives: `cmi.interactions.3.correct_responses.0.pattern` → `correct_responses.0.pattern`. */
export const arrayField = (element: string): string => element.replace(/^cmi\.\w+\.\d+\./, '');
