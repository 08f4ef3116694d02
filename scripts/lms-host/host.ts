// The LMS side of the harness, in the browser: a scorm-again API on the host
// window, with every call logged and checked (checks.ts), faults injected on
// request, and the committed CMI kept in this origin's localStorage so that
// reloading the host page is a real re-entry (entry = resume after a suspend).
// Re-entry follows Moodle: one attempt, its data kept whatever the last exit
// was; only a suspend makes the next entry "resume".
import type Scorm12API from 'scorm-again/scorm12';
import type Scorm2004API from 'scorm-again/scorm2004';
import { CMI12, CMI2004, INTERACTION_COUNT } from '../../src/scorm/spec.ts';
import { createChecker, METHODS, timespanSeconds, type Version } from './checks.ts';

export type Mode = 'normal' | 'review' | 'browse';
export type Fault = { kind: 'none' } | { kind: 'no-api' } | { kind: 'init-false' } | { kind: 'commit-fail'; times: number };

export interface HostConfig {
  version: Version;
  mode: Mode;
  /** percent 0–100: 1.2 mastery_score, 2004 scaled_passing_score / 100 */
  mastery?: number;
  learnerId: string;
  learnerName: string;
  fault: Fault;
  /** SetValue of matching elements is refused with error 101, `times` times (Infinity: always) */
  refuse?: { element: RegExp; times: number };
  /** every API call blocks this long, as a synchronous call to a slow server does */
  slowMs?: number;
  /** the API object appears this long after the course starts loading (main.ts) */
  lateApiMs?: number;
  /**
   * as Moodle (mod/scorm/request.js): from the host page's beforeunload on, every
   * Commit and Terminate goes as a beacon, answered "true" at once; here it is
   * sent to BEACON_PATH, where nothing stores it, as a logged-out learner's is not
   */
  beacon?: boolean;
}

/** where the host page sends its beacons (config.beacon), relative to the page: a test sees when one goes */
export const BEACON_PATH = 'beacon';

export interface CallRecord {
  method: string;
  args: string[];
  result: string;
  /** GetLastError right after the call */
  error: string;
  /** Date.now() when the call began */
  at: number;
  injected: boolean;
}

export interface StoredAttempt {
  cmi: Record<string, string>;
  /** the exit value of the last session */
  exit: string;
  totalSeconds: number;
}

export interface Host {
  config: HostConfig;
  calls: CallRecord[];
  violations: string[];
  /** Commit calls made by the course, injected failures included */
  commits: number;
  finished: boolean;
  /** the API's whole data model, flattened, as it stands now */
  cmi(): Record<string, string>;
  /** what the LMS handed the course at launch */
  launched: Record<string, string>;
  /** from now on, refuse SetValue of matching elements (`*` for an index) this many times */
  arm(element: string, times: number): void;
  stored(): StoredAttempt | null;
}

type Api = Scorm12API | Scorm2004API;

/** elements the LMS sets for each launch; never carried from the stored attempt */
const LAUNCH_ELEMENTS: Record<Version, RegExp> = {
  '1.2': /^cmi\.core\.(entry|exit|session_time|lesson_mode|student_id|student_name|total_time|credit)$|^cmi\.student_data\./,
  '2004': /^cmi\.(entry|exit|session_time|mode|learner_id|learner_name|total_time|credit|scaled_passing_score|completion_threshold)$/,
};

export function storageKey(version: Version, learnerId: string): string {
  return `lms-host:${version}:${learnerId}`;
}

/** an element name with `*` standing for any index */
export const elementPattern = (element: string) => new RegExp(`^${element.replace(/[.]/g, '\\.').replace(/\*/g, '\\d+')}$`);

export function parseConfig(search: string): HostConfig {
  const q = new URLSearchParams(search);
  const version = q.get('v') === '2004' ? '2004' : '1.2';
  const mode = q.get('mode');
  const mastery = q.get('mastery');
  const fault = q.get('fault') ?? '';
  const fails = /^commit-fail-(\d+|always)$/.exec(fault);
  const refuse = q.get('refuse');
  const times = q.get('refuseTimes') ?? '1';
  const number = (name: string) => (q.get(name) ? Number(q.get(name)) : undefined);
  return {
    version,
    mode: mode === 'review' || mode === 'browse' ? mode : 'normal',
    mastery: mastery !== null && mastery !== '' ? Number(mastery) : undefined,
    learnerId: q.get('learner') ?? 'learner_1',
    learnerName: q.get('name') ?? '研修 太郎',
    fault:
      fault === 'no-api' ? { kind: 'no-api' }
      : fault === 'init-false' ? { kind: 'init-false' }
      : fails ? { kind: 'commit-fail', times: fails[1] === 'always' ? Infinity : Number(fails[1]) }
      : { kind: 'none' },
    // `*` in the element stands for an index
    refuse: refuse ? { element: elementPattern(refuse), times: times === 'always' ? Infinity : Number(times) } : undefined,
    slowMs: number('slow'),
    lateApiMs: number('lateApi'),
    beacon: q.has('beacon'),
  };
}

const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
function totalTime(version: Version, seconds: number): string {
  return version === '1.2' ? `${pad(seconds / 3600, 4)}:${pad((seconds / 60) % 60)}:${pad(seconds % 60)}` : `PT${Math.floor(seconds)}S`;
}

function stringsOnly(flat: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(flat)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  return out;
}

const LMS_KEPT: Record<Version, readonly string[]> = {
  '1.2': [CMI12.entry, CMI12.learnerId, CMI12.learnerName, CMI12.mode, CMI12.credit],
  '2004': [CMI2004.entry, CMI2004.learnerId, CMI2004.learnerName, CMI2004.mode, CMI2004.credit],
};

/** What the LMS hands the course at launch, from the stored attempt and the launch settings. */
export function launchData(config: HostConfig, stored: StoredAttempt | null): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(stored?.cmi ?? {})) if (!LAUNCH_ELEMENTS[config.version].test(k) && v !== '') data[k] = v;
  const entry = !stored ? 'ab-initio' : stored.exit === 'suspend' ? 'resume' : '';
  const total = totalTime(config.version, stored?.totalSeconds ?? 0);
  const E = config.version === '1.2' ? CMI12 : CMI2004;
  Object.assign(data, { [E.entry]: entry, [E.mode]: config.mode, [E.learnerId]: config.learnerId, [E.learnerName]: config.learnerName, [E.totalTime]: total, [E.credit]: 'credit' });
  if (config.mastery !== undefined) {
    if (config.version === '1.2') data[CMI12.masteryScore] = String(config.mastery);
    else data[CMI2004.scaledPassingScore] = String(config.mastery / 100);
  }
  return data;
}

export function readStored(storage: Storage, config: HostConfig): StoredAttempt | null {
  const raw = storage.getItem(storageKey(config.version, config.learnerId));
  return raw ? (JSON.parse(raw) as StoredAttempt) : null;
}

export function writeStored(storage: Storage, config: HostConfig, attempt: StoredAttempt | null): void {
  const key = storageKey(config.version, config.learnerId);
  if (attempt) storage.setItem(key, JSON.stringify(attempt));
  else storage.removeItem(key);
}

interface ApiConstructors {
  Scorm12API: new (settings: object) => Scorm12API;
  Scorm2004API: new (settings: object) => Scorm2004API;
}

/** Puts the checked, fault-injecting API on `win` (unless the fault is "no API") and returns the host's record. */
export function createHost(win: Window & Partial<ApiConstructors>, config: HostConfig, storage: Storage = win.localStorage): Host {
  const stored = readStored(storage, config);
  const names = METHODS[config.version];
  let api: Api | undefined;
  const host: Host = {
    config,
    calls: [],
    violations: [],
    commits: 0,
    finished: false,
    cmi: () => (api ? stringsOnly(api.getFlattenedCMI()) : {}),
    stored: () => readStored(storage, config),
    launched: {},
    arm(element, times) {
      config.refuse = { element: elementPattern(element), times };
      refusals = 0;
    },
  };
  let refusals = 0;
  if (config.fault.kind === 'no-api') return host;

  const Ctor = config.version === '1.2' ? win.Scorm12API : win.Scorm2004API;
  if (!Ctor) throw new Error('scorm-again is not loaded on the host page');
  const lms: Api = new Ctor({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  api = lms;
  const data = launchData(config, stored);
  host.launched = data;
  lms.loadFromFlattenedJSON(data);

  const startCount = Number(data[INTERACTION_COUNT] ?? Object.keys(data).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length);
  const objectiveIds = new Map<number, string>();
  for (const [k, v] of Object.entries(data)) {
    const m = /^cmi\.objectives\.(\d+)\.id$/.exec(k);
    if (m) objectiveIds.set(Number(m[1]), v);
  }
  const checker = createChecker(config.version, startCount, objectiveIds);
  let injectedError: string | undefined;
  let commitFailures = 0;
  let exit = '';
  let sessionSeconds = 0;

  // like Moodle's track table: each element set since the last store is stored on
  // its own, so two sessions on one attempt overwrite each other element by element
  const dirty = new Set<string>();
  const persist = (finishing: boolean) => {
    const previous = readStored(storage, config);
    const now = stringsOnly(lms.getFlattenedCMI());
    // who the learner is and how this launch began are the LMS's own, kept beside what the course set
    const changed = [...dirty, ...LMS_KEPT[config.version]].filter((k) => now[k] !== undefined).map((k) => [k, now[k]] as const);
    dirty.clear();
    writeStored(storage, config, {
      cmi: { ...(previous?.cmi ?? stored?.cmi ?? {}), ...Object.fromEntries(changed) },
      exit,
      totalSeconds: (previous?.totalSeconds ?? stored?.totalSeconds ?? 0) + (finishing ? sessionSeconds : 0),
    });
  };

  let beaconGoing = false;
  if (config.beacon) win.addEventListener('beforeunload', () => (beaconGoing = true));

  const target = lms as unknown as Record<string, (...args: string[]) => string>;
  const wrap = (method: string, inject?: (args: string[]) => string | undefined) => {
    const real = target[method].bind(lms);
    target[method] = (...args: string[]) => {
      const at = Date.now();
      if (beaconGoing && (method === names.commit || method === names.terminate)) {
        win.navigator.sendBeacon(BEACON_PATH, method);
        host.calls.push({ method, args: args.map(String), result: 'true', error: '0', injected: true, at });
        return 'true';
      }
      const errorCall = (names.errors as readonly string[]).includes(method);
      if (errorCall && injectedError !== undefined) {
        const code = injectedError;
        const result = method === names.errors[0] ? code : method === names.errors[1] ? 'General exception' : 'lms-host: injected failure';
        host.calls.push({ method, args: args.map(String), result, error: code, injected: true, at });
        return result;
      }
      if (!errorCall && config.slowMs) {
        // a synchronous call to a slow server blocks the page's thread
        const until = performance.now() + config.slowMs;
        while (performance.now() < until);
      }
      const forced = inject?.(args);
      const injected = forced !== undefined;
      if (!errorCall) injectedError = injected ? '101' : undefined;
      const result = String(injected ? forced : real(...args));
      const error = errorCall ? '' : String(lms.lmsGetLastError());
      host.calls.push({ method, args: args.map(String), result, error: injected ? '101' : error, injected, at });
      host.violations.push(...checker.check(method, args.map(String), result, injected));
      if (method === names.setValue && result === 'true') {
        dirty.add(args[0]);
        if (/\.exit$/.test(args[0])) exit = args[1];
        if (/\.session_time$/.test(args[0])) sessionSeconds = timespanSeconds(args[1]);
      }
      if (method === names.commit) {
        host.commits++;
        if (result === 'true') persist(false);
      }
      if (method === names.terminate && !host.finished) {
        host.finished = true;
        if (result === 'true' && config.mode === 'normal') persist(true);
      }
      return result;
    };
  };

  wrap(names.initialize, () => (config.fault.kind === 'init-false' ? 'false' : undefined));
  // a failing store refuses Commit and the commit inside Terminate alike
  const storeFault = () => {
    if (config.fault.kind !== 'commit-fail' || commitFailures >= config.fault.times) return undefined;
    commitFailures++;
    return 'false';
  };
  wrap(names.commit, storeFault);
  wrap(names.terminate, storeFault);
  wrap(names.setValue, (args) => {
    if (!config.refuse || !config.refuse.element.test(args[0]) || refusals >= config.refuse.times) return undefined;
    refusals++;
    return 'false';
  });
  for (const method of [names.getValue, ...names.errors]) wrap(method);
  (win as unknown as Record<string, unknown>)[config.version === '1.2' ? 'API' : 'API_1484_11'] = lms;
  return host;
}
