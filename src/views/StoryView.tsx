import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { isCorrect } from '../model/scoring.ts';
import { storyAnswered } from '../model/state.ts';
import { unansweredQuizzes } from '../model/path.ts';
import { fill } from '../content/ui.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { storyStatus } from './widgets/StoryList.tsx';
import { Cast } from './widgets/Cast.tsx';
import { phrased, phrasedHtml } from './phrased.tsx';
import { useScreenTitle } from './useScreenTitle.ts';
import { ScreenHeading } from './ScreenHeading.tsx';

/** `here` on the story's own start screen: its crumb is then the current page, not a link to itself */
export function StoryHeader({ store, storyId, here = false }: { store: Store; storyId: string; here?: boolean }) {
  const storyPage = store.course.places.storyList;
  const story = store.course.stories.find((s) => s.id === storyId)!;
  const { ui } = store.course;
  return (
    <Breadcrumb
      ui={ui.nav}
      trail={[
        { label: store.course.pages.find((p) => p.id === storyPage)!.title, href: href({ name: 'page', id: storyPage }) },
        { label: fill(ui.story.short, story), href: here ? undefined : href({ name: 'story', id: storyId }) },
      ]}
    />
  );
}

export function QuizList({ store, view, quizIds }: { store: Store; view: View; quizIds: string[] }) {
  const ui = store.course.ui.quiz;
  return (
    <ol class="quiz-list">
      {quizIds.map((qid) => {
        const quiz = store.course.quizzes.find((q) => q.id === qid)!;
        const sel = view.state.answers[qid];
        return (
          <li key={qid}>
            <a href={href({ name: 'quiz', id: qid })}>
              {phrased(fill(ui.title, quiz))}
            </a>
            <span class="quiz-list-status">{sel === undefined ? ui.unanswered : isCorrect(quiz, sel) ? ui.listCorrect : ui.listIncorrect}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** On a second or later attempt: which attempt this is and what counts. */
export function RetryNote({ store, view, storyId, total }: { store: Store; view: View; storyId: string; total: number }) {
  const record = view.state.stories[storyId];
  const story = store.course.stories.find((s) => s.id === storyId)!;
  // only before the retry's first answer: then `best` is the earlier attempts' alone, and a finished retry needs no note
  if (!record || record.attempts < 2 || storyAnswered(story, view.state) > 0) return null;
  return (
    <p class="retry-note" data-testid="retry-note">
      {phrased(fill(store.course.ui.story.retryNote, { attempt: record.attempts, best: record.best, total }))}
    </p>
  );
}

export function StoryView({ store, view, storyId }: { store: Store; view: View; storyId: string }) {
  const story = store.course.stories.find((s) => s.id === storyId)!;
  const firstOpen = unansweredQuizzes(story, view.state)[0];
  const ui = store.course.ui.story;
  const status = storyStatus(view, story, ui);
  const title = fill(ui.title, story);
  useScreenTitle(store.course, title);
  return (
    <article class="story">
      <StoryHeader store={store} storyId={story.id} here />
      <ScreenHeading kickerClass="story-category" kicker={phrased(story.category)}>
        {phrased(title)}
      </ScreenHeading>
      <p class="lead">{phrased(story.summary)}</p>
      <RetryNote store={store} view={view} storyId={story.id} total={story.quizzes.length} />
      {story.cast.length > 0 && (
        <Cast members={story.cast.map((id) => store.course.cast.find((m) => m.id === id)!)} label={ui.cast} />
      )}
      {story.intro && <div class="prose story-intro" {...phrasedHtml(story.intro)} />}
      <h2>{ui.quizzesHeading}</h2>
      <QuizList store={store} view={view} quizIds={story.quizzes} />
      <p class="story-status">{status.label}</p>
      <div class="actions">
        {firstOpen === undefined ? (
          <a class="button" href={href({ name: 'result', id: story.id })}>
            {ui.seeResult}
          </a>
        ) : (
          !view.readOnly && (
            <a class="button" href={href({ name: 'quiz', id: firstOpen })}>
              {status.answered > 0 ? ui.resume : ui.start}
            </a>
          )
        )}
        <a class="button button-secondary" href={href({ name: 'page', id: store.course.places.storyList })}>
          {ui.list}
        </a>
      </div>
    </article>
  );
}
