import { render } from 'preact';
import course from 'virtual:course';
import { createStore } from './app/store.ts';
import { href } from './app/routes.ts';
import { createStandaloneTracker } from './tracking/standalone.ts';
import { App } from './views/App.tsx';
import './styles.css';

const tracker = createStandaloneTracker(course.meta.id);
const store = createStore(course, tracker, location.hash, course.checklist.map((item: { id: string }) => item.id));

// A relaunch without a hash resumes where the learner left off.
const current = href(store.get().route);
if (location.hash !== current) history.replaceState(null, '', current);

addEventListener('hashchange', () => store.navigate(location.hash));
addEventListener('pagehide', () => store.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') store.flush();
});

render(<App store={store} />, document.getElementById('app')!);
