import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { CHECKLIST_ANSWERS, type ChecklistAnswer } from '../../model/state.ts';
import type { ChecklistItem } from '../../content/types.ts';
import { LABELS } from '../labels.ts';
import { Crumbs } from './Crumbs.tsx';
import { ANSWER_LABELS, CHECKLIST_LABELS } from './labels.ts';
import { answeredIn, checklistAreas } from './areas.ts';
import './checklist.css';

function ItemQuestion({ item, number, answer, disabled, onAnswer }: {
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
          <span class="checklist-item-text">{item.text}</span>
        </legend>
        <div class="checklist-options">
          {CHECKLIST_ANSWERS.map((a) => (
            <label key={a} class={`checklist-option option-${a}`}>
              <input type="radio" name={item.id} value={a} checked={answer === a} onChange={() => onAnswer(a)} />
              <span>{ANSWER_LABELS[a]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}

export function ChecklistAreaView({ store, view, areaId }: { store: Store; view: View; areaId: string }) {
  const { course } = store;
  const areas = checklistAreas(course);
  const index = areas.findIndex((a) => a.page.id === areaId);
  const { page, items, refs } = areas[index];
  const prev = areas[index - 1];
  const next = areas[index + 1];
  const answers = view.state.checklist;
  const firstNumber = course.checklist.indexOf(items[0]) + 1;
  return (
    <article class="checklist-area">
      <Crumbs course={course} current={page.navLabel} />
      <p class="checklist-position">{CHECKLIST_LABELS.areaPosition(index + 1, areas.length)}</p>
      <h1>{page.title}</h1>
      <p class="checklist-progress" data-testid="area-answered">
        {CHECKLIST_LABELS.answered(answeredIn(items, answers), items.length)}
      </p>
      <dl class="checklist-refs">
        {refs.selfCheck.length > 0 && (
          <div>
            <dt>{LABELS.selfCheck}</dt>
            {refs.selfCheck.map((r) => (
              <dd key={r}>{r}</dd>
            ))}
          </div>
        )}
        {refs.criteria.length > 0 && (
          <div>
            <dt>{LABELS.criteria}</dt>
            {refs.criteria.map((r) => (
              <dd key={r}>{r}</dd>
            ))}
          </div>
        )}
        {(refs.related?.length ?? 0) > 0 && (
          <div>
            <dt>{LABELS.related}</dt>
            {refs.related!.map((r) => (
              <dd key={r}>{r}</dd>
            ))}
          </div>
        )}
      </dl>
      <p>
        <a href={href({ name: 'page', id: page.id })}>{CHECKLIST_LABELS.readPage(page.title)}</a>
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
          />
        ))}
      </ol>
      <nav class="pager" aria-label="対策の切り替え">
        {prev ? (
          <a class="button button-secondary pager-prev" href={href({ name: 'checklistArea', id: prev.page.id })} rel="prev">
            ← {prev.page.navLabel}
          </a>
        ) : (
          <span />
        )}
        <a class="button button-plain" href={href({ name: 'checklist' })}>
          {CHECKLIST_LABELS.backToList}
        </a>
        {next ? (
          <a class="button pager-next" href={href({ name: 'checklistArea', id: next.page.id })} rel="next">
            {next.page.navLabel} →
          </a>
        ) : (
          <a class="button pager-next" href={href({ name: 'checklistResult' })}>
            {CHECKLIST_LABELS.seeResult} →
          </a>
        )}
      </nav>
    </article>
  );
}
