import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { isCorrect } from '../model/scoring.ts';
import { LABELS } from './labels.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { storyStatus } from './widgets/StoryList.tsx';

export function StoryHeader({ store, storyId }: { store: Store; storyId: string }) {
  const section = store.course.sections.find((s) => s.id === 'check')!;
  const storyPage = section.pages[section.pages.length - 1];
  const story = store.course.stories.find((s) => s.id === storyId)!;
  return (
    <Breadcrumb
      trail={[
        { label: store.course.pages.find((p) => p.id === storyPage)!.title, href: href({ name: 'page', id: storyPage }) },
        { label: `ストーリー${story.number}`, href: href({ name: 'story', id: storyId }) },
      ]}
    />
  );
}

export function QuizList({ store, view, quizIds }: { store: Store; view: View; quizIds: string[] }) {
  return (
    <ol class="quiz-list">
      {quizIds.map((qid) => {
        const quiz = store.course.quizzes.find((q) => q.id === qid)!;
        const sel = view.state.answers[qid];
        return (
          <li key={qid}>
            <a href={href({ name: 'quiz', id: qid })}>
              クイズ{quiz.number}　{quiz.title}
            </a>
            <span class="quiz-list-status">{sel === undefined ? '未解答' : isCorrect(quiz, sel) ? `✓ ${LABELS.correct}` : `× ${LABELS.incorrect}`}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** On a second or later attempt: which attempt this is and what counts. */
export function RetryNote({ view, storyId, total }: { view: View; storyId: string; total: number }) {
  const record = view.state.stories[storyId];
  if (!record || record.attempts < 2) return null;
  return (
    <p class="retry-note" data-testid="retry-note">
      {LABELS.retryNote(record.attempts, record.best, total)}
    </p>
  );
}

export function StoryView({ store, view, storyId }: { store: Store; view: View; storyId: string }) {
  const story = store.course.stories.find((s) => s.id === storyId)!;
  const firstOpen = story.quizzes.find((q) => view.state.answers[q] === undefined);
  const status = storyStatus(view, story);
  return (
    <article class="story">
      <StoryHeader store={store} storyId={story.id} />
      <p class="story-category">{story.category}</p>
      <h1>
        ストーリー{story.number}　{story.title}
      </h1>
      <p class="lead">{story.summary}</p>
      <RetryNote view={view} storyId={story.id} total={story.quizzes.length} />
      {story.intro && <div class="prose story-intro" dangerouslySetInnerHTML={{ __html: story.intro }} />}
      <h2>このストーリーのクイズ</h2>
      <QuizList store={store} view={view} quizIds={story.quizzes} />
      <p class="story-status">{status.label}</p>
      <div class="actions">
        {firstOpen === undefined ? (
          <a class="button" href={href({ name: 'result', id: story.id })}>
            {LABELS.seeResult}
          </a>
        ) : (
          !view.readOnly && (
            <a class="button" href={href({ name: 'quiz', id: firstOpen })}>
              {status.answered > 0 ? LABELS.resume : LABELS.start}
            </a>
          )
        )}
      </div>
    </article>
  );
}
