import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { isCorrect } from '../model/scoring.ts';
import { fill } from '../content/ui.ts';
import { quizAfter } from '../model/path.ts';
import { RetryNote, StoryHeader } from './StoryView.tsx';
import { phrased, phrasedHtml } from './phrased.tsx';
import { useScreenTitle } from './useScreenTitle.ts';
import { ScreenHeading } from './ScreenHeading.tsx';

export function QuizView({ store, view, quizId }: { store: Store; view: View; quizId: string }) {
  const { course } = store;
  const ui = course.ui.quiz;
  const quiz = course.quizzes.find((q) => q.id === quizId)!;
  const story = course.stories.find((s) => s.id === quiz.story)!;
  const position = story.quizzes.indexOf(quiz.id);
  const title = fill(ui.title, quiz);
  useScreenTitle(course, title);
  const saved = view.state.answers[quiz.id];
  const answered = saved !== undefined;
  const ticked = view.drafts[quiz.id] ?? '';
  const chosen = [...ticked];
  // set by this screen's own submit, not when an answered quiz is reopened
  const [submitted, setSubmitted] = useState(false);
  const verdict = useRef<HTMLHeadingElement>(null);
  // the latency counts from the commit that draws the quiz: a passive effect runs a
  // frame or more later, and a three-hour clock jump in that gap (a test's, under
  // load) was missing from the answer's latency though counted in the session
  useLayoutEffect(() => {
    if (!answered && !view.readOnly) store.showQuiz(quiz.id);
  }, [quiz.id, answered]);
  // the submit button is gone once answered: focus goes to the verdict, where the
  // feedback starts, and the verdict scrolls to the top so the explanation below
  // it shows too (a plain focus() would leave it at the bottom edge of a phone)
  useEffect(() => {
    if (!(submitted && answered)) return;
    verdict.current?.focus({ preventScroll: true });
    verdict.current?.scrollIntoView({ block: 'start' });
  }, [submitted, answered]);

  const selection = answered ? saved : ticked;
  const correct = answered && isCorrect(quiz, saved);
  const nextId = quizAfter(story, view.state, quiz.id, { readOnly: view.readOnly, justAnswered: submitted && answered });
  const toggle = (id: string, on: boolean) => store.tick(quiz.id, on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const submit = (e: Event) => {
    e.preventDefault();
    if (chosen.length === 0) return;
    store.answer(quiz.id, chosen);
    setSubmitted(true);
  };
  const numbers = (pick: (id: string, correct: boolean) => boolean) =>
    quiz.choices.flatMap((c, i) => (pick(c.id, c.correct) ? [i + 1] : [])).join(ui.numberSeparator);
  const choiceMark = (i: number) => fill(ui.choiceNumber, { number: i + 1 });
  const verdictText = correct ? ui.verdictCorrect : ui.verdictIncorrect;
  const keyText = fill(quiz.choices.every((c) => c.correct) ? ui.keyAll : ui.key, { numbers: numbers((_, c) => c) });
  const yoursText = answered ? fill(ui.yours, { numbers: numbers((id) => saved.includes(id)) }) : '';

  const onward = (
    <div class="actions">
      {nextId ? (
        <a class="button" href={href({ name: 'quiz', id: nextId })}>
          {story.quizzes.indexOf(nextId) > position ? ui.next : fill(ui.toUnanswered, course.quizzes.find((q) => q.id === nextId)!)}
        </a>
      ) : (
        <a class="button" href={href({ name: 'result', id: story.id })}>
          {ui.seeResult}
        </a>
      )}
    </div>
  );

  return (
    <article class="quiz">
      <StoryHeader store={store} storyId={story.id} />
      <ScreenHeading
        kickerClass="quiz-position"
        kicker={fill(ui.position, { story: fill(course.ui.story.title, story), position: position + 1, total: story.quizzes.length })}
      >
        {phrased(title)}
      </ScreenHeading>
      {position === 0 && !answered && <RetryNote store={store} view={view} storyId={story.id} total={story.quizzes.length} />}
      <div class="prose scenario" {...phrasedHtml(quiz.scenario)} />
      <form onSubmit={submit} class={answered ? 'is-answered' : undefined}>
        <fieldset disabled={answered || view.readOnly}>
          <legend>
            <span class="question">{phrased(quiz.question)}</span>
            <span class="instruction">{ui.selectAll}</span>
          </legend>
          <ol class="choices">
            {quiz.choices.map((c, i) => {
              const picked = selection.includes(c.id);
              const state = answered ? (c.correct ? 'is-key' : 'is-not-key') : '';
              return (
                <li key={c.id} class={`choice ${state}${picked ? ' is-picked' : ''}`}>
                  <label>
                    <input type="checkbox" name="choice" value={c.id} checked={picked} onChange={(e) => toggle(c.id, (e.target as HTMLInputElement).checked)} />
                    <span class="choice-number">{choiceMark(i)}</span>
                    <span class="choice-text">
                      {phrased(c.text)}
                      {answered && (picked || c.correct) && (
                        <span class="choice-badges">
                          {picked && <span class="badge badge-picked">{ui.yourChoice}</span>}
                          {c.correct && <span class="badge badge-key">{ui.keyChoice}</span>}
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
          </ol>
          {!answered &&
            (view.readOnly ? (
              <p class="note" data-testid="read-only">
                {ui.readOnly}
              </p>
            ) : (
              <button type="submit" class="button" disabled={chosen.length === 0}>
                {ui.submit}
              </button>
            ))}
        </fieldset>
      </form>
      {/* a look without answers (preview, review) still goes on through the story */}
      {!answered && view.readOnly && onward}
      {/* The verdict in a few words, announced once after submitting; the full feedback is read from the focused verdict on. */}
      <p class="visually-hidden" role="status" data-testid="feedback-status">
        {submitted && answered ? fill(ui.announce, { verdict: correct ? ui.correct : ui.incorrect, key: keyText, yours: yoursText }) : ''}
      </p>
      {answered && (
        <section class={`feedback ${correct ? 'is-correct' : 'is-incorrect'}`} aria-labelledby="feedback-verdict">
          <h2 id="feedback-verdict" class="feedback-verdict" data-testid="verdict" tabIndex={-1} ref={verdict}>
            {verdictText}
          </h2>
          <p class="feedback-key" data-testid="answer-key">
            {keyText}
            <span class="feedback-yours">{ui.keyYoursSeparator}{yoursText}</span>
          </p>
          <h3>{ui.explanation}</h3>
          <div class="prose" {...phrasedHtml(quiz.explanation)} />
          {quiz.choices.some((c) => c.commentary) && (
            <>
              <h3>{ui.choiceNotes}</h3>
              <dl class="choice-notes">
                {quiz.choices.map((c, i) =>
                  c.commentary ? (
                    <div key={c.id} class={c.correct ? 'is-key' : 'is-not-key'}>
                      <dt>
                        {choiceMark(i)}
                        {phrased(c.text)}
                        {/* which choices are right, and which the learner picked: never 「不正解」 for a choice left alone */}
                        <span class="choice-note-mark">
                          {fill(selection.includes(c.id) ? ui.choiceNoteMine : ui.choiceNoteMark, { mark: c.correct ? ui.keyChoice : ui.notKeyChoice, yours: ui.yourChoice })}
                        </span>
                      </dt>
                      <dd {...phrasedHtml(c.commentary)} />
                    </div>
                  ) : null,
                )}
              </dl>
            </>
          )}
          {onward}
        </section>
      )}
    </article>
  );
}
