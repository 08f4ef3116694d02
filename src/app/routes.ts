// Hash routes: they work from file://, inside any LMS frame, and double as the
// bookmark (SCORM location) stored with the learner state.
import type { Course } from '../content/types.ts';

export type Route =
  | { name: 'start' }
  | { name: 'menu' }
  | { name: 'complete' }
  | { name: 'page'; id: string }
  | { name: 'story'; id: string }
  | { name: 'result'; id: string }
  | { name: 'quiz'; id: string }
  | { name: 'checklist' }
  | { name: 'checklistArea'; id: string }
  | { name: 'checklistResult' };

const ID = '([a-z][a-z0-9_]*)';
// Each route's path, `:id` standing for its id, in the order parseRoute tries
// them: the checklist's result before its areas, whose pattern "result" matches too.
const PATHS: Record<Route['name'], string> = {
  menu: '/',
  start: '/start',
  complete: '/complete',
  page: '/p/:id',
  story: '/s/:id',
  result: '/s/:id/result',
  quiz: '/q/:id',
  checklist: '/checklist',
  checklistResult: '/checklist/result',
  checklistArea: '/checklist/:id',
};

/** No address at all is a launch: the course starts at its welcome screen. */
export function parseRoute(path: string): Route {
  const clean = path.replace(/^#/, '');
  if (clean === '') return { name: 'start' };
  for (const [name, pattern] of Object.entries(PATHS)) {
    const m = new RegExp(`^${pattern.replace(':id', ID)}$`).exec(clean);
    if (m) return (m[1] ? { name, id: m[1] } : { name }) as Route;
  }
  return { name: 'menu' };
}

/**
 * The route, or the menu when its id names nothing in this course: an address
 * typed by hand, or a bookmark saved by an earlier edition of the course.
 */
export function knownRoute(course: Course, route: Route): Route {
  if (!('id' in route)) return route;
  const { id } = route;
  const known =
    route.name === 'page'
      ? course.pages.some((p) => p.id === id)
      : route.name === 'quiz'
        ? course.quizzes.some((q) => q.id === id)
        : route.name === 'checklistArea'
          ? course.checklist.some((i) => i.area === id)
          : course.stories.some((s) => s.id === id);
  return known ? route : { name: 'menu' };
}

export function routePath(route: Route): string {
  return PATHS[route.name].replace(':id', () => ('id' in route ? route.id : ''));
}

export const href = (route: Route): string => `#${routePath(route)}`;
