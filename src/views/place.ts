// A route in words, for 「続きから」 on the welcome screen: where the learner
// left off, named as the screen itself names it. Pure.
import type { Course } from '../content/types.ts';
import { fill } from '../content/ui.ts';
import { parseRoute, type Route } from '../app/routes.ts';

export function placeOf(course: Course, route: Route): string {
  const { ui } = course;
  const menu = ui.place.menu;
  const story = (id: string) => course.stories.find((s) => s.id === id);
  switch (route.name) {
    case 'page':
      return course.pages.find((p) => p.id === route.id)?.title ?? menu;
    case 'story': {
      const s = story(route.id);
      return s ? fill(ui.story.title, s) : menu;
    }
    case 'result': {
      const s = story(route.id);
      return s ? fill(ui.place.result, { story: fill(ui.story.short, s) }) : menu;
    }
    case 'quiz': {
      const q = course.quizzes.find((x) => x.id === route.id);
      return q ? fill(ui.quiz.title, q) : menu;
    }
    case 'checklist':
      return ui.place.checklist;
    case 'checklistArea': {
      const area = course.pages.find((p) => p.id === route.id)?.navLabel;
      return area ? fill(ui.place.checklistArea, { area }) : ui.place.checklist;
    }
    case 'checklistResult':
      return ui.place.checklistResult;
    case 'complete':
      return ui.completion.certificate;
    default:
      return menu;
  }
}

/** The saved place to resume at, or none when the learner has not gone past the menu. */
export function resumeRoute(location: string): Route | undefined {
  if (!location) return undefined;
  const route = parseRoute(location);
  return route.name === 'start' ? undefined : route;
}
