// Hash routes: they work from file://, inside any LMS frame, and double as the
// bookmark (SCORM location) stored with the learner state.

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

export function routePath(route: Route): string {
  return PATHS[route.name].replace(':id', () => ('id' in route ? route.id : ''));
}

export const href = (route: Route): string => `#${routePath(route)}`;
