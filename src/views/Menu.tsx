import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { Icon } from './Icon.tsx';
import { phrased } from './phrased.tsx';
import { fill } from '../content/ui.ts';
import { StatusPanel } from './StatusPanel.tsx';
import { useScreenTitle } from './useScreenTitle.ts';

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
