// A route in words, for 「続きから」 on the welcome screen: where the learner
// left off, named as the screen itself names it. Pure.
import type { Course } from '../content/types.ts';
import { parseRoute, type Route } from '../app/routes.ts';
import { LABELS } from './labels.ts';

const MENU_PLACE = LABELS.menu;

export function placeOf(course: Course, route: Route): string {
  const page = (id: string) => course.pages.find((p) => p.id === id)?.title;
  const story = (id: string) => course.stories.find((s) => s.id === id);
  const area = (id: string) => course.pages.find((p) => p.id === id)?.navLabel;
  switch (route.name) {
    case 'page':
      return page(route.id) ?? MENU_PLACE;
    case 'story': {
      const s = story(route.id);
      return s ? `${LABELS.story(s.number)}　${s.title}` : MENU_PLACE;
    }
    case 'result': {
      const s = story(route.id);
      return s ? `${LABELS.story(s.number)}${LABELS.resultOf}` : MENU_PLACE;
    }
    case 'quiz': {
      const q = course.quizzes.find((x) => x.id === route.id);
      return q ? `${LABELS.quiz(q.number)}　${q.title}` : MENU_PLACE;
    }
    case 'checklist':
      return LABELS.checklist;
    case 'checklistArea':
      return area(route.id) ? `${LABELS.checklist}：${area(route.id)}` : LABELS.checklist;
    case 'checklistResult':
      return `${LABELS.checklist}${LABELS.resultOf}`;
    case 'complete':
      return LABELS.certificate;
    default:
      return MENU_PLACE;
  }
}

/** The saved place to resume at, or none when the learner has not gone past the menu. */
export function resumeRoute(location: string): Route | undefined {
  if (!location) return undefined;
  const route = parseRoute(location);
  return route.name === 'start' ? undefined : route;
}
