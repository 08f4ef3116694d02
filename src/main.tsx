import { render } from 'preact';
import { loadCourse, loadIconSprite, loadStyles } from 'virtual:course';
import { afterPaint } from './after-paint.ts';
import { createStore } from './app/store.ts';
import { href } from './app/routes.ts';
import { activeClock } from './model/active-time.ts';
import { selectTracker } from './tracking/select.ts';
import { App } from './views/App.tsx';
import { frameIntoView } from './views/frame-into-view.ts';
import { registerPhrases } from './views/phrased.tsx';
import './styles.css';

// The build prerendered the first screen, so it is drawn before any of this
// runs: reading the course, the LMS's first calls and the first render wait
// for that paint, which on a slow phone is the difference between a blank frame
// and the course's title.
afterPaint(() => {
  void start();
  return false;
});

async function start(): Promise<void> {
  const course = loadCourse();
  registerPhrases(course.phrases);
  // the learner's time, for the LMS's session time and latencies: any input
  // says they are there; a long stretch without any counts as the cap
  const clock = activeClock(() => performance.now());
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'scroll']) addEventListener(type, clock.touch, true);
  const tracker = await selectTracker(course, clock.elapsed);
  const store = createStore(course, tracker, location.hash, clock.elapsed);

  // the address says where the learner is: a relaunch without a hash resumes
  // where they left off, an address the course lacks opens the menu
  const showRoute = () => {
    const current = href(store.get().route);
    if (location.hash !== current) history.replaceState(null, '', current);
  };
  showRoute();

  // the event's own URL: when the hash changes twice in a row, location.hash
  // already holds the second one while the first event is handled
  addEventListener('hashchange', (e) => {
    const asked = new URL(e.newURL).hash;
    store.navigate(asked);
    if (location.hash === asked) showRoute();
  });
  // Hidden may be the last moment a mobile browser gives us, so it commits;
  // pagehide ends the session (Terminate commits too) and no LMS call follows;
  // from beforeunload on, and while hidden, an LMS's "true" may be a beacon's (Moodle's).
  addEventListener('pagehide', () => tracker.finish());
  addEventListener('beforeunload', () => tracker.closing?.());
  document.addEventListener('visibilitychange', () => {
    const hidden = document.visibilityState === 'hidden';
    tracker.hidden?.(hidden);
    if (hidden) store.flush();
  });

  // Closed disclosures print open: nothing the learner folded away is lost on paper.
  const printOpened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
      d.open = true;
      printOpened.push(d);
    }
  });
  addEventListener('afterprint', () => {
    for (const d of printOpened.splice(0)) d.open = false;
  });

  // The whole stylesheet (the page's own <style> has only the first screen's
  // rules), in before any other screen can be drawn.
  const styles = document.createElement('style');
  styles.textContent = loadStyles();
  document.head.append(styles);

  // The pictures every later screen refers to by id: in the page before the
  // first render that can show one, never in the way of the first paint.
  document.body.insertAdjacentHTML('beforeend', loadIconSprite());

  // Over the first screen the build prerendered: Preact reuses its nodes. The
  // mark says the screen now answers to the learner.
  const root = document.getElementById('app')!;
  render(<App store={store} />, root);
  root.removeAttribute('data-prerendered');
  frameIntoView();
}
