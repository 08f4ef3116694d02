import type { ChecklistItem, Course, Page, PageRefs } from '../../content/types.ts';
import type { Ui } from '../../content/ui.ts';
import { areaIds, type Answers } from '../../model/checklist.ts';

export interface AreaView {
  page: Page;
  items: ChecklistItem[];
  /** 【セルフチェックシートの項目】/【基準該当箇所】 for every item of the area */
  refs: PageRefs;
}

const NO_REFS: PageRefs = { selfCheck: [], criteria: [] };

/** The checklist's areas with their measure page, in course order. */
export function checklistAreas(course: Course): AreaView[] {
  return areaIds(course.checklist).map((id) => {
    const page = course.pages.find((p) => p.id === id)!;
    return {
      page,
      items: course.checklist.filter((i) => i.area === id),
      refs: course.checklistRefs[id] ?? page.refs ?? NO_REFS,
    };
  });
}

/**
 * An area's references under their headings, the empty kinds left out: the
 * source's (self-check sheet, criteria) and the course's own mapping, each
 * under its own label wherever they are shown, printed report included.
 */
export const refGroups = (refs: PageRefs, words: Ui['page']): { label: string; refs: string[] }[] =>
  [
    { label: words.selfCheck, refs: refs.selfCheck },
    { label: words.criteria, refs: refs.criteria },
    { label: words.related, refs: refs.related ?? [] },
  ].filter((g) => g.refs.length > 0);

/** a rate as shown: a number with %, or a dash when nothing can be rated */
export const percentText = (percent: number | null): string => (percent === null ? '—' : `${percent}%`);

export const answeredIn = (items: readonly ChecklistItem[], answers: Answers): number =>
  items.filter((i) => answers[i.id] !== undefined).length;
