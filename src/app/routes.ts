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
const PATTERNS: Array<[RegExp, (id: string) => Route]> = [
  [new RegExp(`^/p/${ID}$`), (id) => ({ name: 'page', id })],
  [new RegExp(`^/s/${ID}$`), (id) => ({ name: 'story', id })],
  [new RegExp(`^/s/${ID}/result$`), (id) => ({ name: 'result', id })],
  [new RegExp(`^/q/${ID}$`), (id) => ({ name: 'quiz', id })],
  [/^\/start$/, () => ({ name: 'start' })],
  [/^\/complete$/, () => ({ name: 'complete' })],
  [/^\/checklist$/, () => ({ name: 'checklist' })],
  // before the area pattern, which "result" would also match
  [/^\/checklist\/result$/, () => ({ name: 'checklistResult' })],
  [new RegExp(`^/checklist/${ID}$`), (id) => ({ name: 'checklistArea', id })],
];

/** No address at all is a launch: the course starts at its welcome screen. */
export function parseRoute(path: string): Route {
  const clean = path.replace(/^#/, '');
  if (clean === '') return { name: 'start' };
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(clean);
    if (m) return make(m[1]);
  }
  return { name: 'menu' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'start':
      return '/start';
    case 'menu':
      return '/';
    case 'complete':
      return '/complete';
    case 'page':
      return `/p/${route.id}`;
    case 'story':
      return `/s/${route.id}`;
    case 'result':
      return `/s/${route.id}/result`;
    case 'quiz':
      return `/q/${route.id}`;
    case 'checklist':
      return '/checklist';
    case 'checklistArea':
      return `/checklist/${route.id}`;
    case 'checklistResult':
      return '/checklist/result';
  }
}

export const href = (route: Route): string => `#${routePath(route)}`;
