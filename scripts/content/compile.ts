// Reads content/, validates every file and compiles it into the Course object
// the bundle embeds. Any problem stops the build with file, field and reason.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { Block, ChecklistItem, Course, Page, PageRefs, Quiz, Story, WidgetName } from '../../src/content/types.ts';
import { checklistFile, courseFile, pageFrontMatter, storyFile } from './schema.ts';
import { compileCompany, contactHtml } from './company.ts';
import { renderMarkdown } from './markdown.ts';
import { keyCollisions } from '../../src/model/keys.ts';
import { estimateMinutes, textLength } from '../../src/model/estimate.ts';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ContentError';
  }
}

/** Collects every problem before failing, so an author fixes them in one go. */
class Problems {
  readonly list: ContentError[] = [];
  add(file: string, field: string, reason: string): void {
    this.list.push(new ContentError(file, field, reason));
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const error = new Error(`content has ${this.list.length} problem(s):\n` + this.list.map((e) => `  - ${e.message}`).join('\n'));
    (error as Error & { problems: ContentError[] }).problems = this.list;
    throw error;
  }
}

const WIDGETS: readonly WidgetName[] = ['measures-map', 'story-list', 'measure-nav', 'checklist-entry'];
const WIDGET_LINE = /^\[\[widget:([a-z-]+)\]\]\s*$/gm;
const PLACEHOLDERS = [/追加予定/, /URLを追加/, /X\.X/, /TODO/i];
/** Far above any real page or story (the longest is under 10,000 characters), far below what breaks the size budgets. */
export const MAX_FILE_CHARS = 40_000;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Content files are UTF-8 (a BOM is tolerated and dropped); anything else stops the build with the reason. */
function readText(file: string, display: string, problems: Problems): string | undefined {
  let bytes: Uint8Array = readFileSync(file);
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(3);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.add(display, '', 'the file is not UTF-8 text (is it Shift_JIS / CP932?); save it as UTF-8');
    return undefined;
  }
  if (text.length > MAX_FILE_CHARS) {
    problems.add(display, '', `the file is ${text.length.toLocaleString('en')} characters, over the limit of ${MAX_FILE_CHARS.toLocaleString('en')}; split it`);
    return undefined;
  }
  return text;
}

function readYaml(file: string, display: string, problems: Problems): unknown {
  const text = readText(file, display, problems);
  if (text === undefined) return undefined;
  try {
    return parseYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}` : '';
    problems.add(display, where, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function validate<T extends z.ZodType>(schema: T, data: unknown, display: string, problems: Problems): z.infer<T> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.add(display, issue.path.join('.') || '(root)', issue.message);
  return undefined;
}

function splitFrontMatter(source: string): { front: string; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return m ? { front: m[1], body: m[2] } : undefined;
}

function checkPlaceholders(value: string, display: string, field: string, problems: Problems): void {
  for (const p of PLACEHOLDERS) if (p.test(value)) problems.add(display, field, `contains a placeholder (${p.source}); write the real text or leave it out`);
}

interface Rendered {
  html: string;
  links: Array<{ target: string; file: string; field: string }>;
}

export function compileContent(root: string): Course {
  const problems = new Problems();
  const rel = (file: string) => relative(join(root, '..'), file) || file;
  const links: Rendered['links'] = [];
  let contact = '';
  const md = (source: string, display: string, field: string, inline = false): string => {
    checkPlaceholders(source, display, field, problems);
    // [[contact]] on a line of its own: the company's incident-report contact, or nothing when none is set
    const out = renderMarkdown(source.replace(/^\[\[contact\]\][ \t]*$/gm, contact), { inline });
    for (const reason of out.problems) problems.add(display, field, reason);
    for (const target of out.links) links.push({ target, file: display, field });
    return out.html;
  };

  // course.yaml
  const courseYaml = join(root, 'course.yaml');
  const courseDisplay = rel(courseYaml);
  const meta = existsSync(courseYaml)
    ? validate(courseFile, readYaml(courseYaml, courseDisplay, problems), courseDisplay, problems)
    : (problems.add(courseDisplay, '', 'file is missing'), undefined);
  const company = meta ? compileCompany(meta.company, root, (field, reason) => problems.add(courseDisplay, field, reason)) : undefined;
  if (company?.contact) contact = contactHtml(company.contact);

  // pages
  const pages: Page[] = [];
  const pageDir = join(root, 'pages');
  const pageFiles = existsSync(pageDir) ? readdirSync(pageDir).filter((f) => f.endsWith('.md')).sort() : [];
  for (const name of pageFiles) {
    const file = join(pageDir, name);
    const display = rel(file);
    const source = readText(file, display, problems);
    if (source === undefined) continue;
    const parts = splitFrontMatter(source);
    if (!parts) {
      problems.add(display, 'front matter', 'the file must start with a --- block holding id and title');
      continue;
    }
    let front: unknown;
    try {
      front = parseYaml(parts.front);
    } catch (e) {
      problems.add(display, 'front matter', `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const fm = validate(pageFrontMatter, front, display, problems);
    if (!fm) continue;
    for (const [field, value] of Object.entries(fm)) if (typeof value === 'string') checkPlaceholders(value, display, field, problems);
    const blocks: Block[] = [];
    let last = 0;
    const pushHtml = (chunk: string) => {
      if (chunk.trim()) blocks.push({ type: 'html', html: md(chunk, display, 'body') });
    };
    for (const m of parts.body.matchAll(WIDGET_LINE)) {
      pushHtml(parts.body.slice(last, m.index));
      const widget = m[1] as WidgetName;
      if (WIDGETS.includes(widget)) blocks.push({ type: 'widget', widget });
      else problems.add(display, 'body', `unknown widget "${m[1]}" (known: ${WIDGETS.join(', ')})`);
      last = m.index + m[0].length;
    }
    pushHtml(parts.body.slice(last));
    if (blocks.length === 0) problems.add(display, 'body', 'page has no text');
    const section = meta?.sections.find((s) => s.pages.includes(fm.id));
    if (meta && !section) problems.add(display, 'id', `page "${fm.id}" is not listed under any section in course.yaml`);
    const refs =
      fm.selfCheck || fm.criteria ? { selfCheck: fm.selfCheck ?? [], criteria: fm.criteria ?? [] } : undefined;
    pages.push({
      id: fm.id,
      section: section?.id ?? 'reference',
      title: fm.title,
      navLabel: fm.navLabel ?? fm.title,
      group: fm.group,
      mapLabels: fm.mapLabels,
      refs,
      blocks,
    });
  }

  // stories
  const stories: Story[] = [];
  const quizzes: Quiz[] = [];
  const storyDir = join(root, 'stories');
  const storyFiles = existsSync(storyDir) ? readdirSync(storyDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const name of storyFiles) {
    const file = join(storyDir, name);
    const display = rel(file);
    const data = validate(storyFile, readYaml(file, display, problems), display, problems);
    if (!data) continue;
    for (const [field, value] of [['title', data.title], ['summary', data.summary], ['category', data.category]] as const)
      checkPlaceholders(value, display, field, problems);
    stories.push({
      id: data.id,
      number: data.number,
      title: data.title,
      summary: data.summary,
      category: data.category,
      intro: data.intro ? md(data.intro, display, 'intro') : undefined,
      quizzes: data.quizzes.map((q) => q.id),
    });
    data.quizzes.forEach((q, qi) => {
      const at = `quizzes.${qi}`;
      if (!q.choices.some((c) => c.correct)) problems.add(display, `${at}.choices`, 'at least one choice must be correct');
      const letters = q.choices.map((c) => c.id);
      if (new Set(letters).size !== letters.length) problems.add(display, `${at}.choices`, 'choice ids must be unique');
      if (!q.number.startsWith(`${data.number}-`)) problems.add(display, `${at}.number`, `must start with the story number ${data.number}-`);
      // the number tells quizzes with the same title apart in LMS reports (2004 description, item catalogue)
      if (quizzes.some((other) => other.number === q.number)) problems.add(display, `${at}.number`, `${q.number} is already used by another quiz`);
      checkPlaceholders(q.title, display, `${at}.title`, problems);
      checkPlaceholders(q.question, display, `${at}.question`, problems);
      quizzes.push({
        id: q.id,
        story: data.id,
        number: q.number,
        title: q.title,
        scenario: md(q.scenario, display, `${at}.scenario`),
        question: q.question,
        choices: q.choices.map((c, ci) => ({
          id: c.id,
          text: (checkPlaceholders(c.text, display, `${at}.choices.${ci}.text`, problems), c.text),
          correct: c.correct,
          commentary: c.commentary ? md(c.commentary, display, `${at}.choices.${ci}.commentary`) : undefined,
        })),
        explanation: md(q.explanation, display, `${at}.explanation`),
      });
    });
  }

  // checklist: each area is a measure page and inherits that page's references
  const checklistYaml = join(root, 'checklist.yaml');
  const checklistDisplay = rel(checklistYaml);
  const checklistData = existsSync(checklistYaml)
    ? validate(checklistFile, readYaml(checklistYaml, checklistDisplay, problems), checklistDisplay, problems)
    : (problems.add(checklistDisplay, '', 'file is missing'), undefined);
  const checklist: ChecklistItem[] = [];
  const checklistRefs: Record<string, PageRefs> = {};
  checklistData?.areas.forEach((a, ai) => {
    const at = `areas.${ai}`;
    const page = pages.find((p) => p.id === a.area);
    if (!page?.group) {
      problems.add(checklistDisplay, `${at}.area`, `"${a.area}" is not a measure page (a page with a group in its front matter)`);
      return;
    }
    if (checklistData.areas.findIndex((other) => other.area === a.area) !== ai)
      problems.add(checklistDisplay, `${at}.area`, `area "${a.area}" is listed twice; put all its items under one entry`);
    const refs = { selfCheck: a.selfCheck ?? page.refs?.selfCheck ?? [], criteria: a.criteria ?? page.refs?.criteria ?? [] };
    if (refs.selfCheck.length + refs.criteria.length === 0)
      problems.add(checklistDisplay, at, `no reference: page "${a.area}" names no selfCheck or criteria, so this area must`);
    for (const [field, list] of [['selfCheck', a.selfCheck ?? []], ['criteria', a.criteria ?? []]] as const)
      list.forEach((r, ri) => checkPlaceholders(r, checklistDisplay, `${at}.${field}.${ri}`, problems));
    if (a.selfCheck || a.criteria) checklistRefs[a.area] = refs;
    a.items.forEach((item, ii) => {
      checkPlaceholders(item.text, checklistDisplay, `${at}.items.${ii}.text`, problems);
      checklist.push({ id: item.id, area: a.area, text: item.text });
    });
  });

  // cross-file checks
  const dup = <T extends { id: string }>(list: T[], kind: string, file: string) => {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) problems.add(file, 'id', `${kind} id "${item.id}" is used twice`);
      seen.add(item.id);
    }
  };
  dup(pages, 'page', rel(pageDir));
  dup(stories, 'story', rel(storyDir));
  dup(quizzes, 'quiz', rel(storyDir));
  dup(checklist, 'checklist item', checklistDisplay);
  for (const [kind, ids] of [
    ['page', pages.map((p) => p.id)],
    ['quiz', quizzes.map((q) => q.id)],
    ['story', stories.map((s) => s.id)],
    ['checklist item', checklist.map((c) => c.id)],
  ] as const)
    for (const [a, b] of keyCollisions(ids)) problems.add(rel(root), 'id', `${kind} ids "${a}" and "${b}" share a resume-state key; rename one of them`);
  if (meta) {
    meta.sections.forEach((s, si) =>
      s.pages.forEach((p, pi) => {
        if (!pages.some((page) => page.id === p)) problems.add(courseDisplay, `sections.${si}.pages.${pi}`, `no page with id "${p}" in content/pages`);
      }),
    );
    const sectionIds = meta.sections.map((s) => s.id);
    if (new Set(sectionIds).size !== 4) problems.add(courseDisplay, 'sections', 'each of the four areas must appear once');
  }
  for (const link of links) {
    const [kind, target] = link.target.split(':');
    const ok = kind === 'page' ? pages.some((p) => p.id === target) : stories.some((s) => s.id === target);
    if (!ok) problems.add(link.file, link.field, `link to unknown ${kind} "${target}"`);
  }
  problems.throwIfAny();

  const { sections, company: _companyAsWritten, ...rest } = meta!;
  const sectionOrder = sections.map((s) => s.id);
  stories.sort((a, b) => a.number - b.number);
  const quizOrder = stories.flatMap((s) => s.quizzes);
  quizzes.sort((a, b) => quizOrder.indexOf(a.id) - quizOrder.indexOf(b.id));
  const pageOrder = sections.flatMap((s) => s.pages);
  pages.sort((a, b) => pageOrder.indexOf(a.id) - pageOrder.indexOf(b.id));
  checklist.sort((a, b) => pageOrder.indexOf(a.area) - pageOrder.indexOf(b.area));
  // what a learner reads to complete the course: every page, every quiz with its feedback
  const read = [
    ...pages.flatMap((p) => p.blocks.map((b) => (b.type === 'html' ? b.html : ''))),
    ...stories.flatMap((s) => [s.summary, s.intro ?? '']),
    ...quizzes.flatMap((q) => [q.scenario, q.question, q.explanation, ...q.choices.flatMap((c) => [c.text, c.commentary ?? ''])]),
    ...(rest.completion.checklist ? checklist.map((c) => c.text) : []),
  ];
  const estimate = estimateMinutes(read.reduce((n, html) => n + textLength(html), 0), quizzes.length);
  return {
    meta: company ? { ...rest, company, estimate } : { ...rest, estimate },
    sections: sections.sort((a, b) => sectionOrder.indexOf(a.id) - sectionOrder.indexOf(b.id)),
    pages,
    stories,
    quizzes,
    checklist,
    checklistRefs,
  };
}
