// Where things are in a Moodle SCORM report download, found without trusting
// the header words (they come in the site's language). Moodle's report code
// (mod/scorm/report/{basic,interactions}) fixes the order:
//   name, identity fields…, attempt, started on, last accessed on, score,
//   then, interactions report only, one column per SCO (its title: "84/100",
//   or a status word when no score) and per interaction index n a group of up
//   to four columns — id, response, right answer, result — each header ending
//   in n. (Moodle 4.5's Basic download has no SCO column; its page does.)
// So: the interaction groups are found by their trailing numbers 0, 1, 2…, the
// SCO column is the one before them and the score the one before that; in a
// Basic download the score is last, or just before a column titled as the
// course. The identity fields sit between the name and the attempt.
import { CHECKLIST_ANSWERS } from '../../src/model/state.ts';
import { ReportInputError } from './rows.ts';

export type GroupField = 'id' | 'response' | 'right' | 'result';

export interface ReportShape {
  kind: 'basic' | 'interactions';
  columns: number;
  name: number;
  /** identity fields (e-mail, …): with the name they tell learners apart */
  identity: number[];
  attempt: number;
  started: number;
  last: number;
  score: number;
  /** the SCO's own column, when the download has one */
  sco?: number;
  /** per interaction index, which column holds which field */
  groups: Array<Partial<Record<GroupField, number>>>;
}

const trailingIndex = (header: string) => /(\d+)\s*$/.exec(header)?.[1];

/** The first column from which headers run in groups of g columns numbered 0, 1, 2… to the end. */
function findGroups(headers: string[]): { start: number; size: number } | undefined {
  for (let start = 0; start < headers.length; start++) {
    if (trailingIndex(headers[start]) !== '0') continue;
    for (let size = 1; size <= 4; size++) {
      const rest = headers.length - start;
      if (rest % size !== 0) continue;
      const ok = headers.slice(start).every((h, i) => trailingIndex(h) === String(Math.floor(i / size)));
      if (ok) return { start, size };
    }
  }
  return undefined;
}

const SCORM_RESULTS = /^(correct|wrong|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)$/;
const INTERACTION_ID = /^[A-Za-z0-9_.:-]+$/;
const CHOICES = /^[a-z](\[,\][a-z]|,[a-z])*$/;
/** a checklist answer (course.yaml checklist.report), in the response column beside the quizzes' letters */
const LIKERT = new RegExp(`^(${CHECKLIST_ANSWERS.join('|')})$`);

/**
 * Which column of a group is which. Moodle writes them in a fixed order and the
 * report settings only leave some out, so with all four the order decides;
 * with fewer, the values decide (results are SCORM vocabulary, never translated).
 */
function groupFields(size: number, sample: string[][], start: number): GroupField[] {
  if (size === 4) return ['id', 'response', 'right', 'result'];
  const columns = Array.from({ length: size }, (_, k) => sample.map((row) => row[start + k] ?? '').filter((v) => v !== ''));
  const is = (k: number, re: RegExp) => columns[k].length > 0 && columns[k].every((v) => re.test(v));
  const fields: GroupField[] = [];
  const choiceColumns: number[] = [];
  for (let k = 0; k < size; k++) {
    if (is(k, SCORM_RESULTS)) fields[k] = 'result';
    else if (is(k, CHOICES)) choiceColumns.push(k);
    else if (columns[k].length > 0 && columns[k].every((v) => CHOICES.test(v) || LIKERT.test(v))) choiceColumns.push(k);
    else if (is(k, INTERACTION_ID)) fields[k] = 'id';
  }
  // response comes before right answer in Moodle's order
  choiceColumns.forEach((k, i) => (fields[k] = i === 0 ? 'response' : 'right'));
  return fields;
}

export function detectShape(file: string, headerLine: number, headers: string[], sample: string[][], courseTitle?: string): ReportShape {
  const groups = findGroups(headers);
  let sco: number | undefined;
  if (groups) sco = groups.start - 1;
  else {
    const titled = courseTitle ? headers.lastIndexOf(courseTitle) : -1;
    sco = titled >= 0 ? titled : undefined;
  }
  const score = sco !== undefined ? sco - 1 : headers.length - 1;
  if (score < 4) {
    throw new ReportInputError(file, headerLine,
      'Moodle の SCORM 活動のレポート（基本レポートかインタラクションレポート）のダウンロードではないようです',
      `not a Moodle SCORM report download: expected name, attempt, started on, last accessed on, score and a SCO column before ${groups ? 'the interaction columns' : 'the end'}, found ${headers.length} columns (${headers.slice(0, 8).join(' | ')})`);
  }
  const shape: ReportShape = {
    kind: groups ? 'interactions' : 'basic',
    columns: headers.length,
    name: 0,
    identity: Array.from({ length: score - 4 }, (_, i) => i + 1),
    attempt: score - 3,
    started: score - 2,
    last: score - 1,
    score,
    sco,
    groups: [],
  };
  if (groups) {
    const fields = groupFields(groups.size, sample, groups.start);
    if (!fields.includes('id') || !fields.includes('response'))
      throw new ReportInputError(
        file,
        headerLine,
        'インタラクションレポートが、問題の ID か回答のない形でダウンロードされています。レポートの表示項目で「問題概要（Summary of question）」と「レスポンス概要（Summary of responses）」（できれば 4 つの「概要」すべて）にチェックを入れて表示し直し、もう一度ダウンロードしてください',
        'the interactions report was downloaded without the question ids or the responses: under the report\'s options, tick "Summary of question" and "Summary of responses" (best all four "Summary of …" boxes), show the report again and download it again',
      );
    const count = (headers.length - groups.start) / groups.size;
    for (let n = 0; n < count; n++) {
      const g: Partial<Record<GroupField, number>> = {};
      fields.forEach((f, k) => f && (g[f] = groups.start + n * groups.size + k));
      shape.groups.push(g);
    }
  }
  // the fixed columns have known shapes: attempts are whole numbers (or "-" before any)
  const badAttempt = sample.find((row) => row.length > shape.attempt && !/^(\d+|-|)$/.test(row[shape.attempt]));
  if (badAttempt)
    throw new ReportInputError(
      file,
      headerLine,
      `${shape.attempt + 1} 列目（「${headers[shape.attempt]}」）には受験の番号が入るはずですが、「${badAttempt[shape.attempt]}」でした`,
      `column ${shape.attempt + 1} ("${headers[shape.attempt]}") should hold attempt numbers, found "${badAttempt[shape.attempt]}"`,
    );
  return shape;
}
