// The first screen as HTML, made at build time, so the learner sees it before
// any script has run; main.tsx then renders over it (Preact reuses the nodes).
// What is drawn is a first launch: nothing saved, no notices. A resumed
// learner sees it only until the script offers 続きから with where they left off.
import { renderToString } from 'preact-render-to-string';
import type { Course } from './content/types.ts';
import type { Tracker } from './tracking/tracker.ts';
import { createStore } from './app/store.ts';
import { App } from './views/App.tsx';
import { registerPhrases } from './views/phrased.tsx';

const firstLaunch: Tracker = {
  start: () => ({ saved: null, mode: 'normal' }),
  save: () => undefined,
  flush: () => undefined,
  finish: () => undefined,
  onNotice: () => () => undefined,
};

export function prerender(course: Course): string {
  registerPhrases(course.phrases);
  const store = createStore(course, firstLaunch, '');
  return renderToString(<App store={store} />);
}
