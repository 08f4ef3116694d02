// What the build writes for the owner beside the zips (`npm test` builds
// first): the LMS guide's page (dist/<course-id>-guide.html), read with parse5
// and checked against docs/lms-guide.md read here line by line, not through
// markdown-it; and the announcement to learners, against content/ read here
// with the yaml package, not through the course compiler.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { guidePage } from '../../scripts/guide/page.ts';
import { IDLE_CAP_MS } from '../../src/model/active-time.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ROOT = join(import.meta.dirname, '..', '..');
interface CourseYaml {
  id: string;
  title: string;
  version: string;
  passMark: number;
  goals: string[];
  completion: { allPages: boolean; passingScore: boolean; checklist: boolean };
  sections: Array<{ pages: string[] }>;
}
const course = parseYaml(readFileSync(join(ROOT, 'content', 'course.yaml'), 'utf8')) as CourseYaml;
const markdown = readFileSync(join(ROOT, 'docs', 'lms-guide.md'), 'utf8');
const built = readFileSync(join(ROOT, 'dist', `${course.id}-guide.html`), 'utf8');

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
    if ('content' in n && n.content) walk(n.content);
  };
  walk(node);
  return out;
}
const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

const doc = elements(parse(built));

/** "## 3.2 なぜ…" as a reader sees it: without the marks, backticks dropped */
const mdHeadings = markdown
  .split('\n')
  .filter((line) => /^#{2,3} /.test(line))
  .map((line) => ({ level: line.indexOf(' '), text: line.replace(/^#+ /, '').replace(/`/g, '').trim() }));

describe("the LMS guide's page beside the zips", () => {
  it('has every chapter and section of docs/lms-guide.md as a heading, in order', () => {
    const headings = doc.filter((el) => /^h[23]$/.test(el.tagName) && !el.parentNode?.nodeName.match(/nav/));
    const contentsTitle = headings.findIndex((h) => attr(h, 'id') === 'contents-title');
    const own = headings.filter((_, i) => i !== contentsTitle).map((h) => ({ level: Number(h.tagName[1]), text: text(h).trim() }));
    expect(mdHeadings.length).toBeGreaterThan(20);
    expect(own).toEqual(mdHeadings);
  });

  it('opens with a table of contents whose every link lands on that heading', () => {
    const nav = doc.find((el) => el.tagName === 'nav')!;
    const links = elements(nav).filter((el) => el.tagName === 'a');
    expect(links.map((a) => text(a))).toEqual(mdHeadings.map((h) => h.text));
    const byId = new Map(doc.filter((el) => attr(el, 'id')).map((el) => [attr(el, 'id')!, el]));
    for (const a of links) {
      const target = byId.get(attr(a, 'href')!.slice(1));
      expect(target, attr(a, 'href')).toBeDefined();
      expect(text(target!).trim()).toBe(text(a));
    }
    // the contents come before the first chapter
    expect(built.indexOf('<nav')).toBeLessThan(built.indexOf('id="s1"'));
  });

  it('names the course and the edition it was built with', () => {
    expect(text(doc.find((el) => el.tagName === 'title')!)).toContain(course.title);
    expect(text(doc.find((el) => el.tagName === 'body')!)).toContain(`第${course.version}版`);
  });

  it("names the company of a company's own build, as text", () => {
    const page = guidePage('# T\n\n## 1. A\n', { title: '研修', version: '2.0.0', company: { name: '株式会社<b>見本</b>' } });
    const els = elements(parse(page));
    expect(els.filter((el) => el.tagName === 'b')).toEqual([]);
    expect(text(els.find((el) => el.tagName === 'main')!)).toContain('研修（第2.0.0版、株式会社<b>見本</b>版）');
  });

  it('labels every body cell with its column, for the phone layout that stacks rows', () => {
    const tables = doc.filter((el) => el.tagName === 'table');
    expect(tables.length).toBe(markdown.split('\n').filter((l) => /^\|( ?-+ ?\|)+$/.test(l.trim())).length);
    for (const table of tables) {
      const heads = elements(table).filter((el) => el.tagName === 'th').map((th) => text(th).trim());
      for (const tr of elements(table).filter((el) => el.tagName === 'tr').slice(1)) {
        const cells = elements(tr).filter((el) => el.tagName === 'td');
        expect(cells.map((td) => attr(td, 'data-label'))).toEqual(heads.slice(0, cells.length));
      }
    }
  });

  it("links its cross-references to the sections they name, and no version, ratio or heading's own number", () => {
    const page = guidePage(
      '# T\n\n## 1. A\n\n### 1.2 B\n\n（1.2）、1.2 を参照、§1.2: x、1 章の 3、Moodle 1.2、SCORM 1.2、1.2:1、1.2.3、（2.1）、2 章\n',
      course,
    );
    const body = page.slice(page.indexOf('<main>'));
    expect(body).toContain('<h3 id="s1-2">1.2 B</h3>');
    expect(body).toContain(
      '<p>（<a href="#s1-2">1.2</a>）、<a href="#s1-2">1.2</a> を参照、§<a href="#s1-2">1.2</a>: x、<a href="#s1">1 章</a>の 3、Moodle 1.2、SCORM 1.2、1.2:1、1.2.3、（2.1）、2 章</p>',
    );
    // the real guide: every such link lands on a heading, and there are some
    const ids = new Set(doc.map((el) => attr(el, 'id')).filter(Boolean));
    const inPage = doc.filter((el) => el.tagName === 'a' && attr(el, 'href')?.startsWith('#') && el.parentNode?.nodeName !== 'li');
    expect(inPage.length).toBeGreaterThan(40);
    for (const a of inPage) expect(ids, attr(a, 'href')).toContain(attr(a, 'href')!.slice(1));
    expect(built).not.toMatch(/Moodle <a /);
  });

  it("states the course's cap on a stretch without input as it is, wherever the guide tells HR about 学習時間", () => {
    const minutes = IDLE_CAP_MS / 60_000;
    const section41 = markdown.slice(markdown.indexOf('### 4.1 '), markdown.indexOf('### 4.2 '));
    expect(section41).toContain(`のない時間が ${minutes} 分を超えて続いたときは、その間を ${minutes} 分として数えます`);
    expect(markdown).toContain(`操作のない時間は、学習時間と同じく ${minutes} 分までを数えます`);
  });

  it('links each file it names that lies beside it in dist/, by its name there', () => {
    const hrefs = doc.filter((el) => el.tagName === 'a' && !attr(el, 'href')!.startsWith('#')).map((a) => attr(a, 'href')!);
    for (const href of hrefs) expect(existsSync(join(ROOT, 'dist', href)), href).toBe(true);
    const besideIt = readdirSync(join(ROOT, 'dist'), { withFileTypes: true })
      .filter((d) => d.isFile() && d.name !== `${course.id}-guide.html` && markdown.includes(d.name))
      .map((d) => d.name);
    expect(besideIt.length).toBeGreaterThan(4);
    expect([...new Set(hrefs)].sort()).toEqual(besideIt.sort());
  });

  it('loads nothing from outside and runs no script', () => {
    expect(doc.filter((el) => ['script', 'link', 'iframe', 'img', 'object', 'embed'].includes(el.tagName))).toEqual([]);
    expect(doc.filter((el) => el.attrs.some((a) => a.name === 'src' || a.name.startsWith('on')))).toEqual([]);
    expect(built).not.toMatch(/url\(|@import/);
  });

  it('keeps raw HTML and script links in the Markdown as text', () => {
    const page = guidePage('# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1))\n', course);
    const els = elements(parse(page));
    expect(els.filter((el) => el.tagName === 'script' || el.tagName === 'img')).toEqual([]);
    expect(els.filter((el) => el.tagName === 'a' && /^javascript:/i.test(attr(el, 'href') ?? ''))).toEqual([]);
    expect(text(els.find((el) => el.tagName === 'main')!)).toContain('<script>alert(1)</script>');
  });
});

describe("the owner's announcement to learners beside the zips", () => {
  const raw = readFileSync(join(ROOT, 'dist', `${course.id}-announcement.txt`), 'utf8');
  const lines = raw.replace(/^\uFEFF/, '').split('\r\n');
  const pages = course.sections.reduce((n, s) => n + s.pages.length, 0);
  const quizzes = readdirSync(join(ROOT, 'content', 'stories'))
    .filter((f) => f.endsWith('.yaml'))
    .reduce((n, f) => n + (parseYaml(readFileSync(join(ROOT, 'content', 'stories', f), 'utf8')) as { quizzes: unknown[] }).quizzes.length, 0);

  it('opens in Notepad and mail clients as Japanese: UTF-8 with a BOM, CRLF lines', () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('names the course and lists its goals', () => {
    expect(lines[0]).toBe(`件名：【受講のお願い】${course.title}`);
    for (const goal of course.goals) expect(lines).toContain(`・${goal}`);
  });

  it("states the completion rule in this build's numbers: every page, and the right answers the pass mark needs", () => {
    expect(course.completion).toMatchObject({ allPages: true, passingScore: true, checklist: false });
    // the score is floor(right / total × 100): the least number of right answers at or above the pass mark
    let need = 0;
    while (Math.floor((need * 100) / quizzes) < course.passMark) need++;
    const rule = lines.slice(lines.indexOf('■ 修了の条件') + 1, lines.indexOf('■ 修了の条件') + 3);
    expect(rule).toEqual([`・全${pages}ページを開く`, `・クイズ${quizzes}問中${need}問以上に正解する（得点${course.passMark}点以上）`]);
  });

  it('has no blank to fill in and no placeholder left', () => {
    expect(raw).not.toMatch(/[{}]|〇〇|●●|＿|XX/);
  });
});
