import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { Icon } from './Icon.tsx';
import { phrased } from './phrased.tsx';
import { fill, fillParts } from '../content/ui.ts';
import { storiesToImprove, unreadPages, type StoryToImprove } from '../model/path.ts';
import type { Route } from '../app/routes.ts';
import { useScreenTitle } from './useScreenTitle.ts';

/** the status names this many unread pages; the section cards below mark every page */
const UNREAD_LISTED = 5;

/** where each kind of story below full marks is taken up again */
const improveRoute = (s: StoryToImprove): Route =>
  s.kind === 'retry' ? { name: 'result', id: s.storyId } : s.kind === 'inProgress' && s.next ? { name: 'quiz', id: s.next } : { name: 'story', id: s.storyId };

function StatusPanel({ store, view }: { store: Store; view: View }) {
  const { ui } = store.course;
  const p = view.progress;
  const unread = unreadPages(store.course, view.state);
  const title = (id: string) => store.course.pages.find((pg) => pg.id === id)!.title;
  const improve = p.scorePassed ? [] : storiesToImprove(store.course, view.state);
  const storyName = (id: string) => fill(ui.story.short, store.course.stories.find((s) => s.id === id)!);
  const improveText = { notStarted: ui.menu.improveNotStarted, inProgress: ui.menu.improveInProgress, retry: ui.menu.improveRetry };
  return (
    <section class={`status-panel status-${p.status}`} aria-labelledby="status-title">
      <h2 id="status-title">{ui.menu.statusTitle}</h2>
      <p>
        <span class="status-label" data-testid="course-status">
          {ui.status[p.status]}
        </span>
        {p.status === 'passed' && ui.menu.passedNote}
      </p>
      {p.completed && (
        <p>
          <a class="button" href={href({ name: 'complete' })} data-testid="menu-certificate">
            {phrased(ui.menu.certificate)}
          </a>
        </p>
      )}
      {!p.completed && (
        <ul>
          {unread.length > 0 && (
            <li data-testid="unread">
              {fill(ui.menu.unread, { count: unread.length })}
              <ul class="unread-list">
                {unread.slice(0, UNREAD_LISTED).map((id) => (
                  <li key={id}>
                    <a href={href({ name: 'page', id })}>{phrased(title(id))}</a>
                  </li>
                ))}
              </ul>
              {unread.length > UNREAD_LISTED && <p class="unread-more">{fill(ui.menu.unreadMore, { count: unread.length - UNREAD_LISTED })}</p>}
            </li>
          )}
          {/* a review or a preview takes no answer: no advice on the score */}
          {!p.scorePassed && !view.readOnly && (
            <li data-testid="menu-to-pass">
              {fillParts(ui.menu.scoreBelow, {
                passMark: p.passMark,
                score: p.score,
                toPass: <span class="to-pass">{fill(ui.progress.toPass, { count: p.quizzesToPass })}</span>,
              })}
              {improve.length > 0 && (
                <>
                  <span class="list-lead">{ui.menu.improveLead}</span>
                  <ul class="unread-list" data-testid="stories-to-improve">
                    {improve.map((s) => (
                      <li key={s.storyId}>
                        <a href={href(improveRoute(s))}>{fill(improveText[s.kind], { ...s, story: storyName(s.storyId) })}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

export function Menu({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const { ui } = course;
  const visited = new Set(view.state.visited);
  useScreenTitle(course, ui.place.menu);
  return (
    <section class="menu">
      {/* named as the menu: after はじめる a screen reader would hear the welcome's heading again */}
      <h1 aria-label={fill(ui.menu.headingName, { title: course.meta.title })}>{phrased(course.meta.title)}</h1>
      <p class="lead">{phrased(course.meta.description)}</p>
      {view.learnerName && <p class="learner">{fill(ui.menu.learner, { name: view.learnerName })}</p>}
      <StatusPanel store={store} view={view} />
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
              <p>{phrased(section.description)}</p>
              <p class="menu-card-status" data-testid={`section-status-${section.id}`}>
                {complete ? <span class="done-mark">{ui.menu.sectionDone}</span> : fill(ui.menu.sectionPages, { done, total: section.pages.length })}
                {section.pages.includes(course.places.storyList) && fill(ui.menu.sectionQuizzes, { answered: view.progress.quizzesAnswered, total: view.progress.quizzesTotal })}
              </p>
              {section.pages.length > 1 && (
                <ol class="menu-card-pages" aria-label={fill(ui.menu.sectionPagesList, { section: section.title })}>
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
                          {i === 0 ? (
                            <>
                              <span class="visually-hidden">{fill(ui.menu.overviewContext, { section: section.title })}</span>
                              {ui.menu.overview}
                            </>
                          ) : (
                            page.navLabel
                          )}
                          {read && <span class="visually-hidden">{ui.nav.visitedAfter}</span>}
                        </a>
                      </li>
                    );
                  })}
                </ol>
              )}
              {/* the checklist is no page of its own: its card names it, with how far it is answered */}
              {section.pages.includes(course.places.checklist) && (
                <p class="menu-card-extra">
                  <span class="read-mark" aria-hidden="true">
                    {view.progress.checklistAnswered === view.progress.checklistTotal ? '✓' : ''}
                  </span>
                  <a href={href({ name: 'checklist' })} data-testid="menu-checklist">
                    {fill(ui.menu.checklistLink, { answered: view.progress.checklistAnswered, total: view.progress.checklistTotal })}
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
