// content/checklist.yaml: the self-check. Each area is a measure page and
// inherits that page's references unless the area names its own.
import { existsSync } from 'node:fs';
import type { ChecklistItem, Level, Page, PageRefs } from '../../src/content/types.ts';
import { checkPlaceholders, readYaml, validate, type Compiling } from './read.ts';
import { checklistFile } from './schema.ts';

export interface CompiledChecklist {
  items: ChecklistItem[];
  refs: Record<string, PageRefs>;
  levels: Level[];
}

export function compileChecklist(file: string, pages: Page[], c: Compiling): CompiledChecklist | undefined {
  const { problems } = c;
  const display = c.rel(file);
  const data = existsSync(file)
    ? validate(checklistFile, readYaml(file, display, problems), display, problems)
    : (problems.add(display, '', 'file is missing'), undefined);
  if (!data) return undefined;
  const items: ChecklistItem[] = [];
  const refsByArea: Record<string, PageRefs> = {};
  data.levels.forEach((l, li) => {
    checkPlaceholders(l.label, display, `levels.${li}.label`, problems);
    checkPlaceholders(l.advice, display, `levels.${li}.advice`, problems);
  });
  data.areas.forEach((a, ai) => {
    const at = `areas.${ai}`;
    const page = pages.find((p) => p.id === a.area);
    if (!page?.group) {
      problems.add(display, `${at}.area`, `"${a.area}" is not a measure page (a page with a group in its front matter)`);
      return;
    }
    if (data.areas.findIndex((other) => other.area === a.area) !== ai)
      problems.add(display, `${at}.area`, `area "${a.area}" is listed twice; put all its items under one entry`);
    const refs = { selfCheck: a.selfCheck ?? page.refs?.selfCheck ?? [], criteria: a.criteria ?? page.refs?.criteria ?? [], ...(a.related ? { related: a.related } : {}) };
    if (refs.selfCheck.length + refs.criteria.length + (refs.related?.length ?? 0) === 0)
      problems.add(display, at, `no reference: page "${a.area}" names no selfCheck or criteria, so this area must`);
    for (const [field, list] of [['selfCheck', a.selfCheck ?? []], ['criteria', a.criteria ?? []], ['related', a.related ?? []]] as const)
      list.forEach((r, ri) => checkPlaceholders(r, display, `${at}.${field}.${ri}`, problems));
    if (a.selfCheck || a.criteria || a.related) refsByArea[a.area] = refs;
    a.items.forEach((item, ii) => {
      checkPlaceholders(item.text, display, `${at}.items.${ii}.text`, problems);
      items.push({ id: item.id, area: a.area, text: item.text });
    });
  });
  return { items, refs: refsByArea, levels: data.levels.map((l, i, all) => ({ rank: all.length - i, ...l })) };
}
