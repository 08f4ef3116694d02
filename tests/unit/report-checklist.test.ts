// checklist.report (course.yaml) in a real Moodle: three learners answered the
// checklist (one changed an answer) in the SCORM 1.2 build with reporting on;
// take.ts saved Moodle's Interactions download and records.sh's view beside it
// (tests/fixtures/moodle-exports/scorm12-checklist-*). Checked here, against
// numbers computed from records.sh and the content's YAML read here:
// the answers are in Moodle's records as likert interactions, status and score
// are what the quizzes alone give, and npm run report shows them per measure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/package/targets.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'moodle-exports');
const RECORDS = join(FIXTURES, 'scorm12-checklist-records.json');
const DOWNLOAD = join(FIXTURES, 'scorm12-checklist-interactions.txt');

interface Element { value: string }
interface RecordsUser { username: string; attempts: Array<{ scos: Array<{ elements: Record<string, Element> }> }> }

const checklistYaml = parseYaml(readFileSync(join(PROJECT_ROOT, 'content', 'checklist.yaml'), 'utf8')) as { areas: Array<{ area: string; items: Array<{ id: string }> }> };
const areaOf = new Map(checklistYaml.areas.flatMap((a) => a.items.map((i) => [i.id, a.area] as const)));

describe.skipIf(!existsSync(RECORDS))('checklist answers reported to a real Moodle (SCORM 1.2, checklist.report: true)', () => {
  const records = JSON.parse(readFileSync(RECORDS, 'utf8')) as { users: RecordsUser[] };
  const users = records.users.filter((u) => u.attempts.length > 0);
  const elementsOf = (u: RecordsUser) => Object.assign({}, ...u.attempts.flatMap((a) => a.scos.map((s) => s.elements))) as Record<string, Element>;
  /** interaction index → id, response, type, result, in the order the course wrote them */
  const interactionsOf = (u: RecordsUser) => {
    const el = elementsOf(u);
    return Object.keys(el)
      .map((k) => /^cmi\.interactions_(\d+)\.id$/.exec(k))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b)
      .map((n) => ({ id: el[`cmi.interactions_${n}.id`].value, type: el[`cmi.interactions_${n}.type`]?.value, response: el[`cmi.interactions_${n}.student_response`]?.value, result: el[`cmi.interactions_${n}.result`]?.value }));
  };
  const tmp = mkdtempSync(join(tmpdir(), 'report-checklist-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds each checklist answer as a likert interaction with a neutral result, and status and score from the quizzes alone', () => {
    expect(users.length).toBe(3);
    for (const u of users) {
      const all = interactionsOf(u);
      const checklist = all.filter((i) => areaOf.has(i.id));
      expect(checklist.length, u.username).toBeGreaterThan(0);
      for (const i of checklist) expect([i.type, i.result, ['done', 'partial', 'not', 'na'].includes(i.response ?? '')], `${u.username} ${i.id}`).toEqual(['likert', 'neutral', true]);
      const quizzes = all.filter((i) => !areaOf.has(i.id));
      const el = elementsOf(u);
      // the score is the quizzes' share of 19, whatever the checklist says; never passed with pages unread
      const right = quizzes.filter((i) => i.result === 'correct').length;
      expect(el['cmi.core.score.raw']?.value ?? '', u.username).toBe(quizzes.length ? String(Math.floor((right * 100) / 19)) : '');
      expect(el['cmi.core.lesson_status']?.value, u.username).toBe('incomplete');
    }
  });

  it('npm run report shows per measure how the employees see it, counting each learner\'s latest answer', () => {
    // the oracle: the last answer per learner and item, in interaction order, from records.sh
    const counts = new Map<string, { respondents: Set<string>; done: number; partial: number; not: number; na: number }>();
    for (const u of users) {
      const latest = new Map<string, string>();
      for (const i of interactionsOf(u)) if (areaOf.has(i.id)) latest.set(i.id, i.response!);
      for (const [id, answer] of latest) {
        const area = areaOf.get(id)!;
        const c = counts.get(area) ?? { respondents: new Set(), done: 0, partial: 0, not: 0, na: 0 };
        c.respondents.add(u.username);
        c[answer as 'done']++;
        counts.set(area, c);
      }
    }
    expect(counts.size).toBeGreaterThanOrEqual(3);
    const out = join(tmp, 'report.html');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'report.ts'), DOWNLOAD, '--out', out], { encoding: 'utf8', cwd: PROJECT_ROOT });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('従業員から見た自社の対策状況');
    const rows = [...html.matchAll(/<tr data-area="([^"]+)" data-respondents="(\d+)" data-percent="(\d*)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1]).sort()).toEqual([...counts.keys()].sort());
    for (const [, area, respondents, percent, cells] of rows) {
      const c = counts.get(area)!;
      const shown = Object.fromEntries([...cells.matchAll(/data-count="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
      expect({ respondents: Number(respondents), ...shown }, area).toEqual({ respondents: c.respondents.size, done: c.done, partial: c.partial, not: c.not, na: c.na });
      const scored = c.done + c.partial + c.not;
      expect(percent, area).toBe(scored ? String(Math.round(((c.done + c.partial / 2) * 100) / scored)) : '');
    }
  });
});
