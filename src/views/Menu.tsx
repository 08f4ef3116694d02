import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { LABELS } from './labels.ts';
import { Icon } from './Icon.tsx';
import { phrased } from './phrased.tsx';

function StatusPanel({ view }: { view: View }) {
  const p = view.progress;
  const todo: string[] = [];
  if (p.pagesVisited < p.pagesTotal) todo.push(`まだ開いていないページが ${p.pagesTotal - p.pagesVisited} ページあります。`);
  if (!p.scorePassed) todo.push(`クイズの得点を合格基準（${p.passMark}点）以上にしてください（現在 ${p.score}点）。`);
  return (
    <section class={`status-panel status-${p.status}`} aria-labelledby="status-title">
      <h2 id="status-title">受講の状況</h2>
      <p>
        <span class="status-label" data-testid="course-status">
          {LABELS.status[p.status]}
        </span>
        {p.status === 'passed' && '：この研修を修了しました。引き続き内容を見直すことができます。'}
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
  const visited = new Set(view.state.visited);
  return (
    <section class="menu">
      <h1>{phrased(course.meta.title)}</h1>
      <p class="lead">{course.meta.description}</p>
      {view.learnerName && <p class="learner">受講者：{view.learnerName}</p>}
      <StatusPanel view={view} />
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
