import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { CHECKLIST_ANSWERS, type ChecklistAnswer } from '../../model/state.ts';
import type { ChecklistItem } from '../../content/types.ts';
import { fill, type Ui } from '../../content/ui.ts';
import { Crumbs } from './Crumbs.tsx';
import { BACK, ONWARD, phrased } from '../phrased.tsx';
import { answeredIn, checklistAreas } from './areas.ts';
import { refGroups } from '../refs.ts';
import './checklist.css';
import { useScreenTitle } from '../useScreenTitle.ts';
import { ScreenHeading } from '../ScreenHeading.tsx';

function ItemQuestion({ item, number, answer, disabled, onAnswer, labels }: {
  labels: Ui['answers'];
  item: ChecklistItem;
  number: number;
  answer: ChecklistAnswer | undefined;
  disabled: boolean;
  onAnswer: (a: ChecklistAnswer) => void;
}) {
  return (
    <li class={`checklist-item${answer ? ` is-${answer}` : ''}`} data-item={item.id}>
      <fieldset disabled={disabled}>
        <legend>
          <span class="checklist-item-number">{number}</span>
          <span class="checklist-item-text">{phrased(item.text)}</span>
        </legend>
        <div class="checklist-options">
          {CHECKLIST_ANSWERS.map((a) => (
            <label key={a} class={`checklist-option option-${a}`}>
              <input type="radio" name={item.id} value={a} checked={answer === a} onChange={() => onAnswer(a)} />
              <span>{labels[a]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}

export function ChecklistAreaView({ store, view, areaId }: { store: Store; view: View; areaId: string }) {
  const { course } = store;
  const { ui } = course;
  const areas = checklistAreas(course);
  const index = areas.findIndex((a) => a.page.id === areaId);
  const { page, items, refs } = areas[index];
  const prev = areas[index - 1];
  const next = areas[index + 1];
  const answers = view.state.checklist;
  const firstNumber = course.checklist.indexOf(items[0]) + 1;
  // its own name, not the measure page's: the two screens share the area's title
  const name = fill(ui.place.checklistArea, { area: page.title });
  useScreenTitle(course, name);
  return (
    <article class="checklist-area">
      <Crumbs course={course} current={page.navLabel} />
      <ScreenHeading kickerClass="checklist-position" kicker={fill(ui.checklist.areaPosition, { position: index + 1, total: areas.length })} name={name}>
        {page.title}
      </ScreenHeading>
      <p class="checklist-progress" data-testid="area-answered">
        {fill(ui.checklist.answered, { answered: answeredIn(items, answers), total: items.length })}
      </p>
      <dl class="checklist-refs">
        {refGroups(refs, ui.page).map((g) => (
          <div key={g.label}>
            <dt>{g.label}</dt>
            {g.refs.map((r) => (
              <dd key={r}>{phrased(r)}</dd>
            ))}
          </div>
        ))}
      </dl>
      <p>
        <a href={href({ name: 'page', id: page.id })}>{fill(ui.checklist.readPage, page)}</a>
      </p>
      <ol class="checklist-items">
        {items.map((item, i) => (
          <ItemQuestion
            key={item.id}
            item={item}
            number={firstNumber + i}
            answer={answers[item.id]}
            disabled={view.readOnly}
            onAnswer={(a) => store.setChecklist(item.id, a)}
            labels={ui.answers}
          />
        ))}
      </ol>
      <nav class="pager" aria-label={ui.checklist.areaPager}>
        {prev ? (
          <a class="button button-secondary pager-prev" href={href({ name: 'checklistArea', id: prev.page.id })} rel="prev">
            {BACK}{prev.page.navLabel}
          </a>
        ) : (
          <span />
        )}
        <a class="button button-plain" href={href({ name: 'checklist' })}>
          {ui.checklist.backToList}
        </a>
        {next ? (
          <a class="button pager-next" href={href({ name: 'checklistArea', id: next.page.id })} rel="next">
            {next.page.navLabel}{ONWARD}
          </a>
        ) : (
          <a class="button pager-next" href={href({ name: 'checklistResult' })}>
            {ui.checklist.seeResult}{ONWARD}
          </a>
        )}
      </nav>
    </article>
  );
}
