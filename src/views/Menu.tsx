import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { unreadPages } from '../model/path.ts';
import { LABELS } from './labels.ts';

/** the status names this many unread pages; the section cards below mark every page */
const UNREAD_LISTED = 5;

function StatusPanel({ store, view }: { store: Store; view: View }) {
  const p = view.progress;
  const unread = unreadPages(store.course, view.state);
  const title = (id: string) => store.course.pages.find((pg) => pg.id === id)!.title;
  const done = p.status === 'passed' || p.status === 'completed';
  return (
    <section class={`status-panel status-${p.status}`} aria-labelledby="status-title">
      <h2 id="status-title">受講の状況</h2>
      <p>
        <span class="status-label" data-testid="course-status">
          {LABELS.status[p.status]}
        </span>
        {p.status === 'passed' && '：この研修を修了しました。引き続き内容を見直すことができます。'}
      </p>
      {done && (
        <p>
          <a class="button" href={href({ name: 'complete' })} data-testid="menu-certificate">
            {LABELS.seeCertificate}
          </a>
        </p>
      )}
      {!done && (
        <ul>
          {unread.length > 0 && (
            <li data-testid="unread">
              {LABELS.unreadLead(unread.length)}
              <ul class="unread-list">
                {unread.slice(0, UNREAD_LISTED).map((id) => (
                  <li key={id}>
                    <a href={href({ name: 'page', id })}>{title(id)}</a>
                  </li>
                ))}
              </ul>
              {unread.length > UNREAD_LISTED && <p class="unread-more">{LABELS.unreadMore(unread.length - UNREAD_LISTED)}</p>}
            </li>
          )}
          {!p.scorePassed && (
            <li data-testid="menu-to-pass">
              クイズの得点を合格基準（{p.passMark}点）以上にしてください（現在 {p.score}点、{LABELS.toPass(p.quizzesToPass)}）。
            </li>
          )}
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
      <h1>{course.meta.title}</h1>
      <p class="lead">{course.meta.description}</p>
      {view.learnerName && <p class="learner">受講者：{view.learnerName}</p>}
      <StatusPanel store={store} view={view} />
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
              {section.pages.length > 1 && (
                <ol class="menu-card-pages" aria-label={`${section.title}のページ`}>
                  {section.pages.map((id, i) => {
                    const page = course.pages.find((p) => p.id === id)!;
                    const read = visited.has(id);
                    return (
                      <li key={id} class={read ? 'is-read' : undefined}>
                        <span class="read-mark" aria-hidden="true">
                          {read ? '✓' : ''}
                        </span>
                        <a href={href({ name: 'page', id })}>
                          {/* the entry page shares the section's title, which the card's heading already links */}
                          {i === 0 ? LABELS.overview : page.navLabel}
                          {read && <span class="visually-hidden">（{LABELS.read}）</span>}
                        </a>
                      </li>
                    );
                  })}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
