import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { Crumbs } from './Crumbs.tsx';
import { fill } from '../../content/ui.ts';
import { CHECKLIST_ANSWERS } from '../../model/state.ts';
import { answeredIn, checklistAreas } from './areas.ts';
import './checklist.css';
import { useScreenTitle } from '../useScreenTitle.ts';
import { phrased } from '../phrased.tsx';

export function ChecklistHome({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const { ui } = course;
  const words = ui.checklist;
  const areas = checklistAreas(course);
  const answers = view.state.checklist;
  const answered = answeredIn(course.checklist, answers);
  const firstOpen = areas.find((a) => answeredIn(a.items, answers) < a.items.length) ?? areas[0];
  useScreenTitle(course, words.title);
  return (
    <article class="checklist-home">
      <Crumbs course={course} />
      <h1>{words.title}</h1>
      <div class="prose">
        <p>{phrased(fill(words.intro, { areas: areas.length, items: course.checklist.length }))}</p>
        <ul>
          {CHECKLIST_ANSWERS.map((a) => (
            <li key={a}>
              <strong>{ui.answers[a]}</strong>
              {phrased(ui.answerHints[a])}
            </li>
          ))}
        </ul>
        <p>{phrased(words.outro)}</p>
        <p class="note" data-testid="checklist-authorship">{phrased(words.authorship)}</p>
      </div>
      <p class="checklist-progress" data-testid="checklist-answered">
        {fill(words.answered, { answered, total: course.checklist.length })}
      </p>
      <h2>{words.areas}</h2>
      <ol class="checklist-areas">
        {areas.map((a) => {
          const n = answeredIn(a.items, answers);
          return (
            <li key={a.page.id} class={n === a.items.length ? 'is-complete' : undefined}>
              <a href={href({ name: 'checklistArea', id: a.page.id })}>{a.page.navLabel}</a>
              <span class="checklist-area-count" data-testid={`area-count-${a.page.id}`}>
                {n}/{a.items.length}
                {n === a.items.length && <span class="done-mark"> {words.complete}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <div class="actions">
        <a class="button" href={href({ name: 'checklistArea', id: firstOpen.page.id })}>
          {answered === 0 ? words.start : words.resume}
        </a>
        {answered > 0 && (
          <a class="button button-secondary" href={href({ name: 'checklistResult' })}>
            {words.seeResult}
          </a>
        )}
      </div>
    </article>
  );
}
