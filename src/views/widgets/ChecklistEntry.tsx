import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { answeredIn, checklistAreas } from '../checklist/areas.ts';
import { CHECKLIST_LABELS } from '../checklist/labels.ts';
import { LABELS } from '../labels.ts';

export function ChecklistEntry({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const check = course.sections.find((s) => s.id === 'check')!;
  const storiesHref = href({ name: 'page', id: check.pages[check.pages.length - 1] });
  const total = course.checklist.length;
  const answered = answeredIn(course.checklist, view.state.checklist);
  return (
    <ul class="check-forms">
      <li class="check-form">
        <h2>
          <a href={storiesHref}>クイズ形式</a>
        </h2>
        <p>
          情報管理の取組を任された担当者（Xさん）のストーリーに沿ってクイズに答えながら、具体的な対策を確認します（{course.stories.length}つのストーリー・全{course.quizzes.length}問）。
        </p>
        <p class="checklist-entry-progress" data-testid="quiz-entry-progress">
          解答済み {view.progress.quizzesAnswered}/{view.progress.quizzesTotal}問 ・ 得点 {view.progress.score}点
        </p>
        <p>
          <a class="button" href={storiesHref}>
            {view.progress.quizzesAnswered === 0 ? LABELS.start : LABELS.storyList}
          </a>
        </p>
      </li>
      <li class="check-form" id="checklist">
        <h2>
          <a href={href({ name: 'checklist' })}>チェックリスト形式</a>
        </h2>
        <p>
          自社の対策状況を、{checklistAreas(course).length}の対策・全{total}項目について「実施済み」「一部実施」「未実施」「該当なし」で確認し、対策ごとの実施率と印刷用のレポートにまとめます。
        </p>
        <p class="checklist-entry-progress" data-testid="checklist-entry-progress">
          {CHECKLIST_LABELS.answered(answered, total)}
        </p>
        <p>
          <a class="button" href={href({ name: 'checklist' })}>
            {answered === 0 ? CHECKLIST_LABELS.start : CHECKLIST_LABELS.resume}
          </a>
          {answered > 0 && (
            <>
              {' '}
              <a class="button button-secondary" href={href({ name: 'checklistResult' })}>
                {CHECKLIST_LABELS.seeResult}
              </a>
            </>
          )}
        </p>
      </li>
    </ul>
  );
}
