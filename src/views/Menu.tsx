import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { Icon } from './Icon.tsx';
import { phrased } from './phrased.tsx';
import { fill, type Ui } from '../content/ui.ts';

function StatusPanel({ view, ui }: { view: View; ui: Ui }) {
  const p = view.progress;
  const todo: string[] = [];
  if (p.pagesVisited < p.pagesTotal) todo.push(fill(ui.menu.pagesLeft, { count: p.pagesTotal - p.pagesVisited }));
  if (!p.scorePassed) todo.push(fill(ui.menu.scoreBelow, p));
  return (
    <section class={`status-panel status-${p.status}`} aria-labelledby="status-title">
      <h2 id="status-title">{ui.menu.statusTitle}</h2>
      <p>
        <span class="status-label" data-testid="course-status">
          {ui.status[p.status]}
        </span>
        {p.status === 'passed' && ui.menu.passedNote}
      </p>
      {todo.length > 0 && p.status !== 'passed' && (
        <ul>
          {todo.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Menu({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const { ui } = course;
  const visited = new Set(view.state.visited);
  return (
    <section class="menu">
      <h1>{phrased(course.meta.title)}</h1>
      <p class="lead">{course.meta.description}</p>
      {view.learnerName && <p class="learner">{fill(ui.menu.learner, { name: view.learnerName })}</p>}
      <StatusPanel view={view} ui={ui} />
      <ol class="menu-cards">
        {course.sections.map((section) => {
          const done = section.pages.filter((p) => visited.has(p)).length;
          const complete = done === section.pages.length;
          return (
            <li key={section.id} class={`menu-card menu-card-${section.id}${complete ? ' is-done' : ''}`}>
              {section.icon && <Icon name={section.icon} class="menu-card-icon" />}
              <h2>
                <a href={href({ name: 'page', id: section.pages[0] })}>{phrased(section.title)}</a>
              </h2>
              <p>{section.description}</p>
              <p class="menu-card-status" data-testid={`section-status-${section.id}`}>
                {complete ? <span class="done-mark">{ui.menu.sectionDone}</span> : fill(ui.menu.sectionPages, { done, total: section.pages.length })}
                {section.pages.includes(course.places.storyList) && fill(ui.menu.sectionQuizzes, { answered: view.progress.quizzesAnswered, total: view.progress.quizzesTotal })}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
