import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';

export function Menu({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const visited = new Set(view.state.visited);
  return (
    <section class="menu">
      <h1>{course.meta.title}</h1>
      <p class="lead">{course.meta.description}</p>
      {view.learnerName && <p class="learner">受講者：{view.learnerName}</p>}
      <ol class="menu-cards">
        {course.sections.map((section) => {
          const done = section.pages.filter((p) => visited.has(p)).length;
          const complete = done === section.pages.length;
          return (
            <li key={section.id} class={`menu-card menu-card-${section.id}${complete ? ' is-done' : ''}`}>
              <h2>
                <a href={href({ name: 'page', id: section.pages[0] })}>{section.title}</a>
              </h2>
              <p>{section.description}</p>
              <p class="menu-card-status" data-testid={`section-status-${section.id}`}>
                {complete ? <span class="done-mark">✓ 閲覧済み</span> : `${done}/${section.pages.length} ページ閲覧`}
                {section.id === 'check' && ` ・ クイズ ${view.progress.quizzesAnswered}/${view.progress.quizzesTotal}問 解答`}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
