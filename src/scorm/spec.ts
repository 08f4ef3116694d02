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

/** The field of an element of cmi.interactions or cmi.objectives: `cmi.interactions.3.correct_responses.0.pattern` → `correct_responses.0.pattern`. */
export const arrayField = (element: string): string => element.replace(/^cmi\.\w+\.\d+\./, '');
