import type { ChecklistItem, Course, Page, PageRefs } from '../../content/types.ts';
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

/** a rate as shown: a number with %, or a dash when nothing can be rated */
export const percentText = (percent: number | null): string => (percent === null ? '—' : `${percent}%`);

export const answeredIn = (items: readonly ChecklistItem[], answers: Answers): number =>
  items.filter((i) => answers[i.id] !== undefined).length;
