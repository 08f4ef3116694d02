import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';

export function ChecklistEntry({ store }: { store: Store; view: View }) {
  const stories = store.course.sections.find((s) => s.id === 'check')!;
  return (
    <ul class="check-forms">
      <li class="check-form">
        <h2>
          <a href={href({ name: 'page', id: stories.pages[1] ?? stories.pages[0] })}>クイズ形式</a>
        </h2>
        <p>担当者の立場で、具体的な場面の対策をクイズで確認します（{store.course.stories.length}つのストーリー・全{store.course.quizzes.length}問）。</p>
      </li>
      <li class="check-form" id="checklist">
        <h2>チェックリスト形式</h2>
        <p>自社の対策状況を項目ごとに確認するチェックリストは、この研修の次の版で追加します。</p>
      </li>
    </ul>
  );
}
