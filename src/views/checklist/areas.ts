import type { ChecklistItem, Course, Page } from '../../content/types.ts';
import { areaIds, type Answers } from '../../model/checklist.ts';

export interface AreaView {
  page: Page;
  items: ChecklistItem[];
}

/** The checklist's areas with their measure page, in course order. */
export function checklistAreas(course: Course): AreaView[] {
  return areaIds(course.checklist).map((id) => ({
    page: course.pages.find((p) => p.id === id)!,
    items: course.checklist.filter((i) => i.area === id),
  }));
}

export const answeredIn = (items: readonly ChecklistItem[], answers: Answers): number =>
  items.filter((i) => answers[i.id] !== undefined).length;
