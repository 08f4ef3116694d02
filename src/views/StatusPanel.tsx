// Where the learner stands against completion: the status, the pages still
// unread as links, and how many more right answers the pass needs, with the
// stories to take them in. The menu shows it, and so does the completion
// screen while there is no certificate yet.
import type { Store, View } from '../app/store.ts';
import { href, type Route } from '../app/routes.ts';
import { phrased, phrasedParts } from './phrased.tsx';
import { fill, fillParts } from '../content/ui.ts';
import { storiesToImprove, unreadPages, type StoryToImprove } from '../model/path.ts';

/** the status names this many unread pages; the menu's section cards mark every page */
const UNREAD_LISTED = 5;

/** where each kind of story below full marks is taken up again */
const improveRoute = (s: StoryToImprove): Route =>
  s.kind === 'retry' ? { name: 'result', id: s.storyId } : s.kind === 'inProgress' && s.next ? { name: 'quiz', id: s.next } : { name: 'story', id: s.storyId };

/** `listed`: how many unread pages it names, the rest counted (where nothing else marks them: all) */
export function StatusPanel({ store, view, listed = UNREAD_LISTED }: { store: Store; view: View; listed?: number }) {
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
        {p.status === 'passed' && phrased(ui.menu.passedNote)}
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
              {phrased(fill(ui.menu.unread, { count: unread.length }))}
              <ul class="unread-list">
                {unread.slice(0, listed).map((id) => (
                  <li key={id}>
                    <a href={href({ name: 'page', id })}>{phrased(title(id))}</a>
                  </li>
                ))}
              </ul>
              {unread.length > listed && <p class="unread-more">{phrased(fill(ui.menu.unreadMore, { count: unread.length - listed }))}</p>}
            </li>
          )}
          {/* a review or a preview takes no answer: no advice on the score */}
          {!p.scorePassed && !view.readOnly && (
            <li data-testid="menu-to-pass">
              {phrasedParts(
                fillParts(ui.menu.scoreBelow, {
                  passMark: p.passMark,
                  score: p.score,
                  toPass: <span class="to-pass">{fill(ui.progress.toPass, { count: p.quizzesToPass })}</span>,
                }),
              )}
              {improve.length > 0 && (
                <>
                  <span class="list-lead">{ui.menu.improveLead}</span>
                  <ul class="unread-list" data-testid="stories-to-improve">
                    {improve.map((s) => (
                      <li key={s.storyId}>
                        <a href={href(improveRoute(s))}>{phrased(fill(improveText[s.kind], { ...s, story: storyName(s.storyId) }))}</a>
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
