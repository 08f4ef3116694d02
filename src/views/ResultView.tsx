import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { storyCorrectNow } from '../model/state.ts';
import { fill, fillParts } from '../content/ui.ts';
import { quizzesToPass, unansweredQuizzes, unreadPages } from '../model/path.ts';
import { QuizList, StoryHeader } from './StoryView.tsx';
import { phrased, phrasedParts } from './phrased.tsx';
import { useScreenTitle } from './useScreenTitle.ts';

export function ResultView({ store, view, storyId }: { store: Store; view: View; storyId: string }) {
  const { course } = store;
  const ui = course.ui.result;
  const story = course.stories.find((s) => s.id === storyId)!;
  const total = story.quizzes.length;
  const title = fill(ui.title, { story: fill(course.ui.story.title, story) });
  useScreenTitle(course, title);
  const now = storyCorrectNow(course, view.state, storyId);
  const record = view.state.stories[storyId];
  const next = course.stories.find((s) => s.number === story.number + 1);
  // a quiz opened out of order from the story's list leaves others unanswered: those first, the retry after
  const open = view.readOnly ? [] : unansweredQuizzes(story, view.state);
  // a pass mark reached with pages still unread reads like the end: say what completion still asks
  const unread = view.progress.scorePassed && !view.progress.completed ? unreadPages(course, view.state).length : 0;
  const retry = () => {
    store.retryStory(storyId);
    location.hash = href({ name: 'quiz', id: story.quizzes[0] });
  };
  return (
    <article class="result">
      <StoryHeader store={store} storyId={story.id} />
      <h1>{title}</h1>
      <p class="result-score" data-testid="story-result">
        {phrasedParts(fillParts(ui.now, { total, correct: <strong>{fill(ui.correctCount, { count: now })}</strong> }))}
      </p>
      {open.length > 0 && (
        <p data-testid="story-unanswered">
          {phrased(fill(ui.unanswered, { count: open.length }))}
        </p>
      )}
      {record && record.attempts > 1 && (
        <p data-testid="story-best">
          {phrased(fill(ui.best, { total, ...record }))}
        </p>
      )}
      <p class="note">
        {phrased(ui.note)}
        {view.progress.status === 'passed' && phrased(ui.notePassed)}
      </p>
      <QuizList store={store} view={view} quizIds={story.quizzes} />
      <p class="course-score" data-testid="course-score">
        {view.progress.quizzesToPass > 0
          ? phrasedParts(
              fillParts(ui.courseScore, {
                score: view.progress.score,
                passMark: view.progress.passMark,
                toPass: <span class="to-pass">{fill(course.ui.progress.toPass, { count: view.progress.quizzesToPass })}</span>,
              }),
            )
          : phrased(fill(ui.courseScorePassed, view.progress))}
      </p>
      <p class="note">
        {fill(course.ui.progress.passRule, {
          need: quizzesToPass(view.progress.quizzesTotal, view.progress.passMark),
          total: view.progress.quizzesTotal,
          passMark: view.progress.passMark,
        })}
      </p>
      {unread > 0 && (
        <p class="notice-inline" data-testid="result-pages-left">
          {phrased(fill(ui.pagesLeft, { count: unread }))} <a href={href({ name: 'menu' })}>{phrased(ui.pagesLeftLink)}</a>
        </p>
      )}
      {view.progress.status === 'passed' && (
        <p>
          <a class="button" href={href({ name: 'complete' })}>
            {phrased(course.ui.menu.certificate)}
          </a>
        </p>
      )}
      <div class="actions">
        {open.length > 0 ? (
          <a class="button" href={href({ name: 'quiz', id: open[0] })}>
            {ui.answerRest}
          </a>
        ) : (
          !view.readOnly && (
            <button type="button" class="button button-secondary" onClick={retry}>
              {ui.retry}
            </button>
          )
        )}
        {next ? (
          <a class="button" href={href({ name: 'story', id: next.id })}>
            {fill(course.ui.story.next, next)}
          </a>
        ) : (
          <a class="button" href={href({ name: 'page', id: course.places.storyList })}>
            {course.ui.story.list}
          </a>
        )}
      </div>
    </article>
  );
}
