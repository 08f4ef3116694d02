import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { answeredIn, checklistAreas } from '../checklist/areas.ts';
import { fill } from '../../content/ui.ts';
import { phrased } from '../phrased.tsx';

export function ChecklistEntry({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const { ui } = course;
  const storiesHref = href({ name: 'page', id: course.places.storyList });
  const total = course.checklist.length;
  const answered = answeredIn(course.checklist, view.state.checklist);
  return (
    <ul class="check-forms">
      <li class="check-form">
        <h2>
          <a href={storiesHref}>{ui.checkForms.quizTitle}</a>
        </h2>
        <p>{phrased(fill(ui.checkForms.quizText, { stories: course.stories.length, quizzes: course.quizzes.length }))}</p>
        <p class="checklist-entry-progress" data-testid="quiz-entry-progress">
          {fill(ui.checkForms.quizProgress, { answered: view.progress.quizzesAnswered, total: view.progress.quizzesTotal, score: view.progress.score })}
        </p>
        <p>
          <a class="button" href={storiesHref}>
            {view.progress.quizzesAnswered === 0 ? ui.checkForms.quizStart : ui.story.list}
          </a>
        </p>
      </li>
      <li class="check-form" id="checklist">
        <h2>
          <a href={href({ name: 'checklist' })}>{ui.checkForms.checklistTitle}</a>
        </h2>
        <p>{phrased(fill(ui.checkForms.checklistText, { areas: checklistAreas(course).length, items: total }))}</p>
        <p class="checklist-entry-progress" data-testid="checklist-entry-progress">
          {fill(ui.checklist.answered, { answered, total })}
        </p>
        <p>
          <a class="button" href={href({ name: 'checklist' })}>
            {answered === 0 ? ui.checklist.start : ui.checklist.resume}
          </a>
          {answered > 0 && (
            <>
              {' '}
              <a class="button button-secondary" href={href({ name: 'checklistResult' })}>
                {ui.checklist.seeResult}
              </a>
            </>
          )}
        </p>
      </li>
    </ul>
  );
}
