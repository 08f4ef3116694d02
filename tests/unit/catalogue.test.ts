// The item catalogue written by the build (`npm test` builds first), read back
// with csv-parse and checked against content/stories/*.yaml read here with the
// yaml package, not through the course compiler or the catalogue's own code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const courseId = (parseYaml(readFileSync(join(ROOT, 'content', 'course.yaml'), 'utf8')) as { id: string }).id;

interface YamlQuiz { id: string; number: string; title: string; question: string; choices: Array<{ id: string; text: string; correct: boolean }> }
interface YamlStory { number: number; title: string; quizzes: YamlQuiz[] }
const stories: YamlStory[] = readdirSync(join(ROOT, 'content', 'stories'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseYaml(readFileSync(join(ROOT, 'content', 'stories', f), 'utf8')) as YamlStory)
  .sort((a, b) => a.number - b.number);
const quizzes = stories.flatMap((s) => s.quizzes.map((q) => ({ story: s, quiz: q })));
// suspend_data keeps attempts as one base-36 digit, so ids run to _r35
const MOST_ATTEMPTS = 35;

const csvText = readFileSync(join(DIST, `${courseId}-items.csv`), 'utf8');
const table: string[][] = parseCsv(csvText, { bom: true, relax_column_count: false });
const [header, ...rows] = table;
const col = (name: string) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${header.join(' | ')}`);
  return i;
};
const html = readFileSync(join(DIST, `${courseId}-items.html`), 'utf8');

describe('item catalogue', () => {
  it('is UTF-8 with a BOM, CRLF rows, so Excel opens the Japanese', () => {
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('\r\n');
  });

  it('covers the 19 quizzes of the content', () => {
    expect(quizzes).toHaveLength(19);
    expect(new Set(rows.map((r) => r[col('問題番号')])).size).toBe(19);
  });

  for (const { story, quiz } of quizzes)
    it(`${quiz.number}: every id form, story, title, question, choices and correct letters match the YAML`, () => {
      const expectedIds = [quiz.id, ...Array.from({ length: MOST_ATTEMPTS - 1 }, (_, i) => `${quiz.id}_r${i + 2}`)];
      const mine = rows.filter((r) => r[col('問題番号')] === quiz.number);
      expect(mine.map((r) => r[col('インタラクションID')])).toEqual(expectedIds);
      const correct = quiz.choices.filter((c) => c.correct).map((c) => c.id).sort();
      for (const r of mine) {
        expect(r[col('ストーリー')]).toBe(String(story.number));
        expect(r[col('ストーリー名')]).toBe(story.title);
        expect(r[col('問題名')]).toBe(quiz.title);
        expect(r[col('問題文')]).toBe(quiz.question);
        expect(r[col('正答')]).toBe(correct.join(''));
        expect(r[col('正答（SCORM 1.2 の形）')]).toBe(correct.join(','));
        expect(r[col('正答（SCORM 2004 の形）')]).toBe(correct.join('[,]'));
        for (const letter of 'abcdef') {
          const name = `選択肢 ${letter}`;
          const choice = quiz.choices.find((c) => c.id === letter);
          if (header.includes(name)) expect(r[col(name)]).toBe(choice?.text ?? '');
          else expect(choice).toBeUndefined();
        }
      }
      // the printable page has the same quiz: question and every choice
      const section = new RegExp(`<section[^>]*id="${quiz.id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
      expect(section).toContain(quiz.question);
      for (const c of quiz.choices) expect(section).toContain(c.text);
      expect(section).toContain(`<code>${quiz.id}_r2</code>`);
    });

  it('gives each quiz its own 2004 description, within 250 characters, though titles repeat', () => {
    const titles = quizzes.map((q) => q.quiz.title);
    expect(new Set(titles).size).toBeLessThan(titles.length);
    const byQuiz = new Map(rows.map((r) => [r[col('問題番号')], r[col('説明（SCORM 2004）')]]));
    const descriptions = [...byQuiz.values()];
    expect(new Set(descriptions).size).toBe(19);
    for (const [number, d] of byQuiz) {
      expect(d.length).toBeLessThanOrEqual(250);
      expect(d.startsWith(`${number} `)).toBe(true);
    }
  });

  it('the page is self-contained and prints on A4', () => {
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('size: A4');
  });
});

describe('the attempt number in interaction ids', async () => {
  const { interactionId, MAX_ATTEMPT_IN_ID } = await import('../../src/tracking/identifiers.ts');
  const { decodeState, encodeState } = await import('../../src/model/codec.ts');
  const { emptyState } = await import('../../src/model/state.ts');
  const { codecIds } = await import('../../src/app/store.ts');
  const { realCourse } = await import('./fixtures.ts');

  it('stops where a resumed learner stops counting: the attempts suspend_data can carry', () => {
    const course = realCourse();
    const ids = codecIds(course, course.checklist.map((c) => c.id));
    const state = { ...emptyState(), stories: { story3: { best: 2, attempts: 99 } } };
    const resumed = decodeState(encodeState(state), ids).stories.story3.attempts;
    expect(resumed).toBe(MAX_ATTEMPT_IN_ID);
    expect(interactionId('q3_10', resumed)).toBe(`q3_10_r${MOST_ATTEMPTS}`);
    expect(interactionId('q3_10', 99)).toBe(`q3_10_r${MOST_ATTEMPTS}`);
    expect(interactionId('q3_10', 1)).toBe('q3_10');
    expect(interactionId('q3_10', 2)).toBe('q3_10_r2');
  });
});

describe('checklist items, for a course that reports checklist answers (checklist.report: true)', () => {
  it('the package step writes every checklist item with its measure to <id>-checklist-items.csv, and the HTML lists them', async () => {
    const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { execFileSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-checklist-'));
    try {
      const content = join(dir, 'content');
      cpSync(join(ROOT, 'content'), content, { recursive: true });
      const yaml = readFileSync(join(content, 'course.yaml'), 'utf8');
      writeFileSync(join(content, 'course.yaml'), `${yaml}\nchecklist: { report: true }\n`);
      // the package step reads the built course; dist/course/index.html is the default build's, enough for the catalogue
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'package.ts'), '--out', join(dir, 'out')], { cwd: ROOT, env: { ...process.env, COURSE_CONTENT: content }, stdio: 'pipe' });
      const rows: string[][] = parseCsv(readFileSync(join(dir, 'out', `${courseId}-checklist-items.csv`), 'utf8'), { bom: true });
      const areas = (parseYaml(readFileSync(join(ROOT, 'content', 'checklist.yaml'), 'utf8')) as { areas: Array<{ area: string; items: Array<{ id: string; text: string }> }> }).areas;
      const pageTitle = (id: string) => {
        const fm = readFileSync(join(ROOT, 'content', 'pages', `${id}.md`), 'utf8').split('---')[1];
        const meta = parseYaml(fm) as { title: string; navLabel?: string };
        return meta.navLabel ?? meta.title;
      };
      const want = areas.flatMap((a) => a.items.map((i) => [i.id, pageTitle(a.area), i.text.trim()]));
      expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(want);
      const html = readFileSync(join(dir, 'out', `${courseId}-items.html`), 'utf8');
      for (const [id] of want) expect(html).toContain(`<code>${id}</code>`);
      expect(html).toContain('likert');
      // reporting turned off again: the next package step into the same folder leaves no stale table behind
      writeFileSync(join(content, 'course.yaml'), yaml);
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'package.ts'), '--out', join(dir, 'out')], { cwd: ROOT, env: { ...process.env, COURSE_CONTENT: content }, stdio: 'pipe' });
      expect(readdirSync(join(dir, 'out')).some((f) => f.endsWith('-checklist-items.csv'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is not written for the default course, which keeps checklist answers to itself', () => {
    expect(readdirSync(DIST).some((f) => f.endsWith('-checklist-items.csv'))).toBe(false);
  });
});
