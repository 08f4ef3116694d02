import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { Crumbs } from './Crumbs.tsx';
import { ANSWER_LABELS, CHECKLIST_LABELS } from './labels.ts';
import { answeredIn, checklistAreas } from './areas.ts';
import './checklist.css';

export function ChecklistHome({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const areas = checklistAreas(course);
  const answers = view.state.checklist;
  const answered = answeredIn(course.checklist, answers);
  const firstOpen = areas.find((a) => answeredIn(a.items, answers) < a.items.length) ?? areas[0];
  return (
    <article class="checklist-home">
      <Crumbs course={course} />
      <h1>{CHECKLIST_LABELS.title}</h1>
      <div class="prose">
        <p>
          自社の現在の状況について、{areas.length}の対策・全{course.checklist.length}項目に、次のいずれかで答えてください。回答はその都度保存され、途中でやめても続きから再開できます。
        </p>
        <ul>
          <li>
            <strong>{ANSWER_LABELS.done}</strong>：社内で決めて、実際に運用している
          </li>
          <li>
            <strong>{ANSWER_LABELS.partial}</strong>：一部の部署・情報だけで実施している、または決めたが運用が不十分
          </li>
          <li>
            <strong>{ANSWER_LABELS.not}</strong>：まだ実施していない
          </li>
          <li>
            <strong>{ANSWER_LABELS.na}</strong>：自社には当てはまらない（例：保管容器に入らない製造装置がない）
          </li>
        </ul>
        <p>結果では、対策ごとの実施率をグラフで示し、優先して取り組みたい対策と印刷用のレポートをまとめます。この結果はクイズの得点には影響しません。</p>
      </div>
      <p class="checklist-progress" data-testid="checklist-answered">
        {CHECKLIST_LABELS.answered(answered, course.checklist.length)}
      </p>
      <h2>{CHECKLIST_LABELS.areas}</h2>
      <ol class="checklist-areas">
        {areas.map((a) => {
          const n = answeredIn(a.items, answers);
          return (
            <li key={a.page.id} class={n === a.items.length ? 'is-complete' : undefined}>
              <a href={href({ name: 'checklistArea', id: a.page.id })}>{a.page.navLabel}</a>
              <span class="checklist-area-count" data-testid={`area-count-${a.page.id}`}>
                {n}/{a.items.length}
                {n === a.items.length && <span class="done-mark"> {CHECKLIST_LABELS.complete}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <div class="actions">
        <a class="button" href={href({ name: 'checklistArea', id: firstOpen.page.id })}>
          {answered === 0 ? CHECKLIST_LABELS.start : CHECKLIST_LABELS.resume}
        </a>
        {answered > 0 && (
          <a class="button button-secondary" href={href({ name: 'checklistResult' })}>
            {CHECKLIST_LABELS.seeResult}
          </a>
        )}
      </div>
    </article>
  );
}
