// What an LMS report shows for one attempt, read from the CMI data the LMS
// stored (never from the course's own state), and the same as CSV.
// Pure: runs in the preview page and in unit tests.
import { CMI12, CMI2004, interactionElement, LIMITS, objectiveElement, SUSPEND_DATA, type InteractionField, type ScormVersion } from '../../src/scorm/spec.ts';

/** What the report reads, by version; interaction and objective fields are those of `cmi.interactions.n.` / `cmi.objectives.n.` */
const ELEMENTS = {
  '1.2': {
    ...CMI12,
    status: [CMI12.status],
    scoreScaled: undefined,
    response: 'student_response',
    when: 'time',
    objectiveStatus: ['status'],
  },
  '2004': {
    ...CMI2004,
    status: [CMI2004.completionStatus, CMI2004.successStatus],
    response: 'learner_response',
    when: 'timestamp',
    objectiveStatus: ['completion_status', 'success_status'],
  },
} as const;

export interface InteractionRecord {
  index: number;
  id: string;
  type: string;
  response: string;
  /** every correct_responses.n.pattern, joined by " | " */
  pattern: string;
  result: string;
  latency: string;
  /** 1.2 time, 2004 timestamp */
  when: string;
  description: string;
}

export interface ObjectiveRecord {
  index: number;
  id: string;
  /** 1.2 status; 2004 "completion / success" */
  status: string;
  score: string;
}

export interface AttemptRecords {
  version: ScormVersion;
  learnerId: string;
  learnerName: string;
  /** 1.2 lesson_status; 2004 "completion / success" */
  status: string;
  score: { raw: string; min: string; max: string; scaled: string };
  /** the LMS's running total over finished sessions, in seconds */
  totalSeconds: number;
  /** as the course last reported it */
  sessionTime: string;
  entry: string;
  exit: string;
  location: string;
  suspendDataLength: number;
  suspendDataLimit: number;
  interactions: InteractionRecord[];
  objectives: ObjectiveRecord[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Indices n for which `<prefix>.n.<field>` is set, in order. */
function indices(cmi: Readonly<Record<string, string>>, prefix: string, field = 'id'): number[] {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}\\.(\\d+)\\.${field}$`);
  return Object.keys(cmi)
    .map((key) => pattern.exec(key))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

export function attemptRecords(version: ScormVersion, cmi: Readonly<Record<string, string>>, totalSeconds: number): AttemptRecords {
  const el = ELEMENTS[version];
  const get = (key: string | undefined) => (key ? (cmi[key] ?? '') : '');
  const joined = (keys: readonly string[]) => keys.map(get).join(' / ');
  const suspendData = get(SUSPEND_DATA);
  return {
    version,
    learnerId: get(el.learnerId),
    learnerName: get(el.learnerName),
    status: joined(el.status),
    score: { raw: get(el.scoreRaw), min: get(el.scoreMin), max: get(el.scoreMax), scaled: get(el.scoreScaled) },
    totalSeconds,
    sessionTime: get(el.sessionTime),
    entry: get(el.entry),
    exit: get(el.exit),
    location: get(el.location),
    suspendDataLength: suspendData.length,
    suspendDataLimit: LIMITS[version].suspendData,
    interactions: indices(cmi, 'cmi.interactions').map((n) => {
      const field = (name: InteractionField) => get(interactionElement(n, name));
      const patterns = `cmi.interactions.${n}.correct_responses`;
      return {
        index: n,
        id: field('id'),
        type: field('type'),
        response: field(el.response),
        // an LMS may hold more than the one pattern the course writes
        pattern: indices(cmi, patterns, 'pattern')
          .map((k) => get(`${patterns}.${k}.pattern`))
          .filter((v) => v !== '')
          .join(' | '),
        result: field('result'),
        latency: field('latency'),
        when: field(el.when),
        description: field('description'),
      };
    }),
    objectives: indices(cmi, 'cmi.objectives').map((n) => ({
      index: n,
      id: get(objectiveElement(n, 'id')),
      status: joined(el.objectiveStatus.map((f) => objectiveElement(n, f))),
      score: get(objectiveElement(n, 'score.raw')),
    })),
  };
}

/** Seconds as h:mm:ss, the way LMS reports print a duration. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Excel reads UTF-8 (and so Japanese) only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF';

export const CSV_COLUMNS = ['学習者ID', '学習者名', 'SCORM', '種別', 'ID', '状態', '回答', '正答パターン', '結果', '点数', '時間', '日時', '説明'] as const;

// A cell starting with one of these is run as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: RFC 4180 quoting, and a leading formula character defused with an apostrophe. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row for the attempt, one per objective, one per interaction; CRLF line ends, BOM first. */
export function recordsCsv(records: AttemptRecords, courseId: string): string {
  const who = [records.learnerId, records.learnerName, records.version];
  const row = (kind: string, fields: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) =>
    [...who, kind, ...CSV_COLUMNS.slice(4).map((c) => fields[c] ?? '')];
  const rows: string[][] = [
    [...CSV_COLUMNS],
    row('受験', { ID: courseId, 状態: records.status, 点数: records.score.raw, 時間: formatSeconds(records.totalSeconds) }),
    ...records.objectives.map((o) => row('目標', { ID: o.id, 状態: o.status, 点数: o.score })),
    ...records.interactions.map((i) =>
      row('インタラクション', { ID: i.id, 回答: i.response, 正答パターン: i.pattern, 結果: i.result, 時間: i.latency, 日時: i.when, 説明: i.description }),
    ),
  ];
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV as recordsCsv writes it (RFC 4180 quoting, optional BOM) back into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  const source = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') (value += '"'), i++;
      else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(value), (value = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(value), rows.push(row), (row = []), (value = '');
    } else value += c;
  }
  if (value !== '' || row.length > 0) row.push(value), rows.push(row);
  return rows;
}
