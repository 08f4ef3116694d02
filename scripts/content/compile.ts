// Reads content/, validates every file and compiles it into the Course object
// the bundle embeds. Any problem stops the build with file, field and reason.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Course, WidgetName } from '../../src/content/types.ts';
import { courseFile, uiFile } from './schema.ts';
import { compileCompany, contactHtml } from './company.ts';
import { resolveIcon } from './icons.ts';
import { phraseTable } from './phrases.ts';
import { fill, proseKeys, wordsAt, type Ui } from '../../src/content/ui.ts';
import { renderMarkdown } from './markdown.ts';
import { keyCollisions } from '../../src/model/keys.ts';
import { estimateMinutes, textLength } from '../../src/model/estimate.ts';
import { completionRule } from '../../src/model/path.ts';
import { evaluate } from '../../src/model/progress.ts';
import { emptyState } from '../../src/model/state.ts';
import { checkPlaceholders, Problems, readYaml, validate, type Compiling } from './read.ts';
import { compilePages } from './pages.ts';
import { compileCast, compileStories } from './stories.ts';
import { compileChecklist } from './checklist.ts';

/** longer interface strings are sentences, not labels: those the views show are PROSE, marked on their own */
const UI_LABEL_MAX = 30;
/** every string in a nest of objects (the interface labels) */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

export function compileContent(root: string): Course {
  const problems = new Problems();
  const rel = (file: string) => relative(join(root, '..'), file) || file;
  const links: Array<{ target: string; file: string; field: string }> = [];
  let contact = '';
  const c: Compiling = {
    problems,
    rel,
    md(source, display, field) {
      checkPlaceholders(source, display, field, problems);
      // [[contact]] on a line of its own: the company's incident-report contact, or nothing when none is set
      const out = renderMarkdown(source.replace(/^\[\[contact\]\][ \t]*$/gm, contact));
      for (const reason of out.problems) problems.add(display, field, reason);
      for (const target of out.links) links.push({ target, file: display, field });
      return out.html;
    },
    icon(name, display, field) {
      if (name === undefined) return;
      const resolved = resolveIcon(name);
      if (typeof resolved === 'string') problems.add(display, field, resolved);
    },
  };

  const courseYaml = join(root, 'course.yaml');
  const courseDisplay = rel(courseYaml);
  const meta = existsSync(courseYaml)
    ? validate(courseFile, readYaml(courseYaml, courseDisplay, problems), courseDisplay, problems)
    : (problems.add(courseDisplay, '', 'file is missing'), undefined);
  const company = meta ? compileCompany(meta.company, root, (field, reason) => problems.add(courseDisplay, field, reason)) : undefined;
  if (company?.contact) contact = contactHtml(company.contact);
  meta?.sections.forEach((s, si) => c.icon(s.icon, courseDisplay, `sections.${si}.icon`));

  const castYaml = join(root, 'cast.yaml');
  const cast = compileCast(castYaml, c);
  const pageDir = join(root, 'pages');
  const pages = compilePages(pageDir, meta?.sections, c);
  const storyDir = join(root, 'stories');
  const { stories, quizzes } = compileStories(storyDir, { list: cast, display: rel(castYaml) }, c);
  const checklistYaml = join(root, 'checklist.yaml');
  const compiledChecklist = compileChecklist(checklistYaml, pages, c);
  const checklist = compiledChecklist?.items ?? [];

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
  dup(cast, 'cast member', rel(castYaml));
  dup(pages, 'page', rel(pageDir));
  dup(stories, 'story', rel(storyDir));
  dup(quizzes, 'quiz', rel(storyDir));
  dup(checklist, 'checklist item', rel(checklistYaml));
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
  stories.sort((a, b) => a.number - b.number);
  const quizOrder = stories.flatMap((s) => s.quizzes);
  quizzes.sort((a, b) => quizOrder.indexOf(a.id) - quizOrder.indexOf(b.id));
  const pageOrder = sections.flatMap((s) => s.pages);
  pages.sort((a, b) => pageOrder.indexOf(a.id) - pageOrder.indexOf(b.id));
  checklist.sort((a, b) => pageOrder.indexOf(a.area) - pageOrder.indexOf(b.area));
  const prose = new Set(ui ? proseKeys().map((at) => wordsAt(ui as Ui, at)) : []);
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
    // the interface's labels; its running text (PROSE: notes, notices, hints) reaches the page with
    // marks of its own (withPhraseMarks), and a template never comes here: the views look up its
    // filled text, and those are above
    ...stringsIn(ui).filter((text) => text.length <= UI_LABEL_MAX && !text.includes('{') && !prose.has(text)),
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
  const course: Course = {
    meta: company ? { ...rest, company, estimate } : { ...rest, estimate },
    sections,
    cast,
    phrases: [],
    pages,
    stories,
    quizzes,
    checklist,
    checklistRefs: compiledChecklist!.refs,
    map,
    places,
    checklistLevels: compiledChecklist!.levels,
    // the schema checked each key against UI_KEYS, placeholders included
    ui: ui as Ui,
  };
  // the welcome screen's 修了の条件, each line a label (the pass mark as built; an LMS's own leaves its line unsplit)
  course.phrases = phraseTable([...shown, ...completionRule(course, evaluate(course, emptyState()))]);
  return course;
}
