import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { storyCorrectNow } from '../model/state.ts';
import { quizzesToPass } from '../model/path.ts';
import { LABELS } from './labels.ts';
import { QuizList, StoryHeader } from './StoryView.tsx';

export function ResultView({ store, view, storyId }: { store: Store; view: View; storyId: string }) {
  const { course } = store;
  const story = course.stories.find((s) => s.id === storyId)!;
  const total = story.quizzes.length;
  const now = storyCorrectNow(course, view.state, storyId);
  const record = view.state.stories[storyId];
  const next = course.stories.find((s) => s.number === story.number + 1);
  const checkPages = course.sections.find((s) => s.id === 'check')!.pages;
  const retry = () => {
    store.retryStory(storyId);
    location.hash = href({ name: 'quiz', id: story.quizzes[0] });
  };
  return (
    <article class="result">
      <StoryHeader store={store} storyId={story.id} />
      <h1>
        ストーリー{story.number}　{story.title}：結果
      </h1>
      <p class="result-score" data-testid="story-result">
        今回の結果：{total}問中 <strong>{now}問</strong> 正解
      </p>
      {record && record.attempts > 1 && (
        <p data-testid="story-best">
          これまでの最高：{total}問中 {record.best}問 正解（{record.attempts}回目の挑戦）
        </p>
      )}
      <p class="note">得点には、ストーリーごとに最も良かった回の結果が使われます。いったん記録された合格が取り消されることはありません。</p>
      <QuizList store={store} view={view} quizIds={story.quizzes} />
      <p class="course-score" data-testid="course-score">
        現在の得点：{view.progress.score}点（{LABELS.passMark(view.progress.passMark)}）
        {view.progress.quizzesToPass > 0 ? ` ・ ${LABELS.toPass(view.progress.quizzesToPass)}` : ` ・ ${LABELS.passReached}`}
      </p>
      <p class="note">{LABELS.passRule(quizzesToPass(view.progress.quizzesTotal, view.progress.passMark), view.progress.quizzesTotal, view.progress.passMark)}</p>
      {view.progress.status === 'passed' && (
        <p>
          <a class="button" href={href({ name: 'complete' })}>
            {LABELS.seeCertificate}
          </a>
        </p>
      )}
      <div class="actions">
        {!view.readOnly && (
          <button type="button" class="button button-secondary" onClick={retry}>
            {LABELS.retry}
          </button>
        )}
        {next ? (
          <a class="button" href={href({ name: 'story', id: next.id })}>
            ストーリー{next.number}へ進む
          </a>
        ) : (
          <a class="button" href={href({ name: 'page', id: checkPages[checkPages.length - 1] })}>
            {LABELS.storyList}
          </a>
        )}
      </div>
    </article>
  );
}
