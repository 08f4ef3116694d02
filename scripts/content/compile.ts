// Reads content/, validates every file and compiles it into the Course object
// the bundle embeds. Any problem stops the build with file, field and reason.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { CastMember, ChecklistItem, Course, Page, PageRefs, Quiz, Story, WidgetName } from '../../src/content/types.ts';
import { castFile, checklistFile, courseFile, pageFrontMatter, storyFile, uiFile } from './schema.ts';
import { compileCompany, contactHtml } from './company.ts';
import { parseBlocks } from './blocks.ts';
import { resolveIcon } from './icons.ts';
import { phraseTable } from './phrases.ts';
import { fill, type Ui } from '../../src/content/ui.ts';
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

/** every string in a nest of objects (the interface labels) */
/** longer interface strings are sentences, not labels: not phrase-split */
const UI_LABEL_MAX = 30;
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

export function compileContent(root: string): Course {
  const problems = new Problems();
  const rel = (file: string) => relative(join(root, '..'), file) || file;
  const links: Rendered['links'] = [];
  let contact = '';
  const md = (source: string, display: string, field: string): string => {
    checkPlaceholders(source, display, field, problems);
    // [[contact]] on a line of its own: the company's incident-report contact, or nothing when none is set
    const out = renderMarkdown(source.replace(/^\[\[contact\]\][ \t]*$/gm, contact));
    for (const reason of out.problems) problems.add(display, field, reason);
    for (const target of out.links) links.push({ target, file: display, field });
    return out.html;
  };
  const checkIcon = (name: string | undefined, display: string, field: string) => {
    if (name === undefined) return;
    const resolved = resolveIcon(name);
    if (typeof resolved === 'string') problems.add(display, field, resolved);
  };

  // course.yaml
  const courseYaml = join(root, 'course.yaml');
  const courseDisplay = rel(courseYaml);
  const meta = existsSync(courseYaml)
    ? validate(courseFile, readYaml(courseYaml, courseDisplay, problems), courseDisplay, problems)
    : (problems.add(courseDisplay, '', 'file is missing'), undefined);
  const company = meta ? compileCompany(meta.company, root, (field, reason) => problems.add(courseDisplay, field, reason)) : undefined;
  if (company?.contact) contact = contactHtml(company.contact);

  meta?.sections.forEach((s, si) => checkIcon(s.icon, courseDisplay, `sections.${si}.icon`));

  // cast.yaml: the people and companies of the stories (optional)
  const castYaml = join(root, 'cast.yaml');
  const castDisplay = rel(castYaml);
  const castData = existsSync(castYaml) ? validate(castFile, readYaml(castYaml, castDisplay, problems), castDisplay, problems) : undefined;
  const cast: CastMember[] = castData?.cast ?? [];
  cast.forEach((member, ci) => {
    checkIcon(member.icon, castDisplay, `cast.${ci}.icon`);
    for (const field of ['name', 'role'] as const) checkPlaceholders(member[field], castDisplay, `cast.${ci}.${field}`, problems);
  });

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
    checkIcon(fm.icon, display, 'icon');
    const blocks = parseBlocks(parts.body, (line) => ({
      md: (source) => md(source, display, 'body'),
      problem: (reason) => problems.add(display, `body line ${line}`, reason),
      icon: (name) => checkIcon(name, display, `body line ${line}`),
    }));
    if (blocks.length === 0) problems.add(display, 'body', 'page has no text');
    const section = meta?.sections.find((s) => s.pages.includes(fm.id));
    if (meta && !section) problems.add(display, 'id', `page "${fm.id}" is not listed under any section in course.yaml`);
    const refs =
      fm.selfCheck || fm.criteria ? { selfCheck: fm.selfCheck ?? [], criteria: fm.criteria ?? [] } : undefined;
    pages.push({
      id: fm.id,
      section: section?.id ?? '',
      wide: fm.wide,
      title: fm.title,
      navLabel: fm.navLabel ?? fm.title,
      ...(fm.icon && { icon: fm.icon }),
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
      cast: data.cast,
      quizzes: data.quizzes.map((q) => q.id),
    });
    data.cast.forEach((who, wi) => {
      if (!cast.some((m) => m.id === who)) problems.add(display, `cast.${wi}`, `no one with id "${who}" in ${castDisplay}`);
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
  checklistData?.levels.forEach((l, li) => {
    checkPlaceholders(l.label, checklistDisplay, `levels.${li}.label`, problems);
    checkPlaceholders(l.advice, checklistDisplay, `levels.${li}.advice`, problems);
  });
  checklistData?.areas.forEach((a, ai) => {
    const at = `areas.${ai}`;
    const page = pages.find((p) => p.id === a.area);
    if (!page?.group) {
      problems.add(checklistDisplay, `${at}.area`, `"${a.area}" is not a measure page (a page with a group in its front matter)`);
      return;
    }
    if (checklistData.areas.findIndex((other) => other.area === a.area) !== ai)
      problems.add(checklistDisplay, `${at}.area`, `area "${a.area}" is listed twice; put all its items under one entry`);
    const refs = { selfCheck: a.selfCheck ?? page.refs?.selfCheck ?? [], criteria: a.criteria ?? page.refs?.criteria ?? [], ...(a.related ? { related: a.related } : {}) };
    if (refs.selfCheck.length + refs.criteria.length + (refs.related?.length ?? 0) === 0)
      problems.add(checklistDisplay, at, `no reference: page "${a.area}" names no selfCheck or criteria, so this area must`);
    for (const [field, list] of [['selfCheck', a.selfCheck ?? []], ['criteria', a.criteria ?? []], ['related', a.related ?? []]] as const)
      list.forEach((r, ri) => checkPlaceholders(r, checklistDisplay, `${at}.${field}.${ri}`, problems));
    if (a.selfCheck || a.criteria || a.related) checklistRefs[a.area] = refs;
    a.items.forEach((item, ii) => {
      checkPlaceholders(item.text, checklistDisplay, `${at}.items.${ii}.text`, problems);
      checklist.push({ id: item.id, area: a.area, text: item.text });
    });
  });

  // ui.yaml: the interface's words
  const uiYaml = join(root, 'ui.yaml');
  const uiDisplay = rel(uiYaml);
  const ui = existsSync(uiYaml)
    ? validate(uiFile, readYaml(uiYaml, uiDisplay, problems), uiDisplay, problems)
    : (problems.add(uiDisplay, '', 'file is missing'), undefined);
  if (ui) for (const [group, keys] of Object.entries(ui)) for (const [key, value] of Object.entries(keys)) checkPlaceholders(value, uiDisplay, `${group}.${key}`, problems);

  // cross-file checks
  const dup = <T extends { id: string }>(list: T[], kind: string, file: string) => {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) problems.add(file, 'id', `${kind} id "${item.id}" is used twice`);
      seen.add(item.id);
    }
  };
  dup(cast, 'cast member', castDisplay);
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
    sectionIds.forEach((id, si) => {
      if (sectionIds.indexOf(id) !== si) problems.add(courseDisplay, `sections.${si}.id`, `section id "${id}" is used twice`);
    });
    meta.completion.sections?.forEach((id, i) => {
      if (!sectionIds.includes(id)) problems.add(courseDisplay, `completion.sections.${i}`, `no section with id "${id}" (sections: ${sectionIds.join(', ')})`);
    });
    meta.sections.flatMap((s) => s.pages).forEach((p, i, all) => {
      if (all.indexOf(p) !== i) problems.add(courseDisplay, 'sections', `page "${p}" is listed twice`);
    });
  }
  for (const link of links) {
    const [kind, target] = link.target.split(':');
    const ok = kind === 'page' ? pages.some((p) => p.id === target) : stories.some((s) => s.id === target);
    if (!ok) problems.add(link.file, link.field, `link to unknown ${kind} "${target}"`);
  }
  // each part of the course hangs below the one page that places its widget
  const placeOf = (widget: WidgetName): string => {
    const at = pages.filter((p) => p.blocks.some((b) => b.type === 'widget' && b.widget === widget)).map((p) => p.id);
    if (at.length !== 1) problems.add(rel(pageDir), 'body', `[[widget:${widget}]] must be placed on exactly one page (found ${at.length ? at.join(', ') : 'none'})`);
    return at[0];
  };
  const places = { storyList: placeOf('story-list'), checklist: placeOf('checklist-entry') };
  problems.throwIfAny();

  const { sections, map, company: _companyAsWritten, ...rest } = meta!;
  const sectionOrder = sections.map((s) => s.id);
  stories.sort((a, b) => a.number - b.number);
  const quizOrder = stories.flatMap((s) => s.quizzes);
  quizzes.sort((a, b) => quizOrder.indexOf(a.id) - quizOrder.indexOf(b.id));
  const pageOrder = sections.flatMap((s) => s.pages);
  pages.sort((a, b) => pageOrder.indexOf(a.id) - pageOrder.indexOf(b.id));
  checklist.sort((a, b) => pageOrder.indexOf(a.area) - pageOrder.indexOf(b.area));
  // the strings views show as headings, card titles, tabs and buttons
  const shown = [
    rest.title,
    ...sections.flatMap((s) => [s.title, ...(ui ? [fill((ui as Ui).page.nextSection, s)] : [])]),
    ...pages.flatMap((p) => [p.title, p.navLabel, ...p.mapLabels]),
    ...pages.flatMap((p) =>
      p.blocks.flatMap((b) => (b.type === 'tabs' ? b.tabs.map((t) => t.title) : b.type === 'cards' ? b.cards.map((c) => c.title) : b.type === 'details' ? [b.summary] : [])),
    ),
    ...stories.flatMap((st) => [st.title, st.category, ...(ui ? [fill((ui as Ui).story.title, st)] : [])]),
    ...quizzes.flatMap((q) => [q.title, ...(ui ? [fill((ui as Ui).quiz.title, q)] : [])]),
    ...cast.flatMap((m) => [m.name, m.role]),
    ...map.columns.map((c) => c.title),
    // the interface's labels; its sentences (notices, hints, notes) are paragraphs, which break anywhere
    ...stringsIn(ui).filter((text) => text.length <= UI_LABEL_MAX),
  ];
  // what a learner reads to complete the course: every page, every quiz with its feedback
  const read = [
    ...pages.flatMap((p) =>
      p.blocks.flatMap((b) =>
        b.type === 'html' ? [b.html] : b.type === 'details' ? [b.summary, b.html] : b.type === 'tabs' ? b.tabs.flatMap((t) => [t.title, t.html]) : b.type === 'cards' ? b.cards.flatMap((c) => [c.title, c.html]) : [],
      ),
    ),
    ...stories.flatMap((s) => [s.summary, s.intro ?? '']),
    ...quizzes.flatMap((q) => [q.scenario, q.question, q.explanation, ...q.choices.flatMap((c) => [c.text, c.commentary ?? ''])]),
    ...(rest.completion.checklist ? checklist.map((c) => c.text) : []),
  ];
  const estimate = estimateMinutes(read.reduce((n, html) => n + textLength(html), 0), quizzes.length);
  return {
    meta: company ? { ...rest, company, estimate } : { ...rest, estimate },
    sections: sections.sort((a, b) => sectionOrder.indexOf(a.id) - sectionOrder.indexOf(b.id)),
    cast,
    phrases: phraseTable(shown),
    pages,
    stories,
    quizzes,
    checklist,
    checklistRefs,
    map,
    places,
    checklistLevels: checklistData!.levels.map((l, i, all) => ({ rank: all.length - i, ...l })),
    // the schema checked each key against UI_KEYS, placeholders included
    ui: ui as Ui,
  };
}
