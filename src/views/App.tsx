import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../app/store.ts';
import { routePath } from '../app/routes.ts';
import { useView } from './useView.ts';
import { fill } from '../content/ui.ts';
import { ProgressSummary } from './Progress.tsx';
import { Notices } from './Notices.tsx';
import { Menu } from './Menu.tsx';
import { Welcome } from './Welcome.tsx';
import { Completion } from './Completion.tsx';
import './screens.css';
import { PageView } from './PageView.tsx';
import { StoryView } from './StoryView.tsx';
import { QuizView } from './QuizView.tsx';
import { ResultView } from './ResultView.tsx';
import { ChecklistHome } from './checklist/ChecklistHome.tsx';
import { ChecklistAreaView } from './checklist/ChecklistAreaView.tsx';
import { ChecklistResult } from './checklist/ChecklistResult.tsx';

export function App({ store }: { store: Store }) {
  const view = useView(store);
  const { course } = store;
  const main = useRef<HTMLElement>(null);
  const path = routePath(view.route);
  const firstRender = useRef(true);

  // A new screen: start at its top and put focus on its heading, so keyboard
  // and screen-reader users land where sighted users look.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = main.current?.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  }, [path]);

  const route = view.route;
  let screen;
  // the store opens only routes whose id the course has (knownRoute)
  if (route.name === 'page') screen = <PageView store={store} view={view} pageId={route.id} />;
  else if (route.name === 'story') screen = <StoryView store={store} view={view} storyId={route.id} />;
  else if (route.name === 'result') screen = <ResultView store={store} view={view} storyId={route.id} />;
  else if (route.name === 'quiz') screen = <QuizView key={route.id} store={store} view={view} quizId={route.id} />;
  else if (route.name === 'checklist') screen = <ChecklistHome store={store} view={view} />;
  else if (route.name === 'checklistArea') screen = <ChecklistAreaView key={route.id} store={store} view={view} areaId={route.id} />;
  else if (route.name === 'checklistResult') screen = <ChecklistResult store={store} view={view} />;
  else if (route.name === 'start') screen = <Welcome store={store} view={view} />;
  else if (route.name === 'complete') screen = <Completion store={store} view={view} />;
  else screen = <Menu store={store} view={view} />;

  const skip = (e: Event) => {
    e.preventDefault();
    main.current?.focus();
  };

  return (
    <div class="app">
      <a class="skip-link" href="#main" onClick={skip}>
        {course.ui.nav.skip}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          {/* no phrase breaks: Chromium breaks at a <wbr> even under nowrap, and the header is one line (an ellipsis before a second line) */}
          <a class="site-title" href="#/">
            {course.meta.title}
          </a>
          <ProgressSummary progress={view.progress} ui={course.ui.progress} />
        </div>
      </header>
      <Notices notices={view.notices} onDismiss={store.dismissNotice} ui={course.ui.notices} />
      <main id="main" ref={main} tabIndex={-1} class="content">
        {screen}
      </main>
      <footer class="site-footer">
        <small>{fill(course.ui.nav.footer, course.meta)}</small>
      </footer>
    </div>
  );
}
