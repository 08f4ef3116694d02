import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { fill } from '../content/ui.ts';
import { completionRule } from '../model/path.ts';
import { companyName } from '../model/certificate.ts';
import { phrased } from './phrased.tsx';
import { placeOf, resumeRoute } from './place.ts';
import { useScreenTitle } from './useScreenTitle.ts';

/** The course's start: what it is for, how long it takes, what it asks, and one way in. */
export function Welcome({ store, view }: { store: Store; view: View }) {
  const { meta, ui } = store.course;
  const words = ui.welcome;
  const p = view.progress;
  const company = companyName(store.course);
  // a learner who only ever reached the menu has nothing to continue yet
  const saved = resumeRoute(view.state.location);
  const begun = view.state.visited.length > 0 || p.quizzesAnswered > 0 || Object.keys(view.state.checklist).length > 0;
  const resume = saved && (saved.name !== 'menu' || begun) ? saved : undefined;
  useScreenTitle(store.course);
  return (
    <section class="welcome">
      {company && (
        <p class="welcome-company" data-testid="welcome-company">
          {company}
        </p>
      )}
      <h1>{phrased(meta.title)}</h1>
      <p class="lead">{phrased(meta.description)}</p>
      <div class="welcome-go">
        {resume ? (
          <>
            <a class="button button-primary" href={href(resume)} data-testid="welcome-go">
              {phrased(words.resume)}
            </a>
            <p class="welcome-where" data-testid="welcome-where">
              {fill(words.leftOff, { place: placeOf(store.course, resume) })}
            </p>
            <a href={href({ name: 'menu' })}>{words.toMenu}</a>
          </>
        ) : (
          <a class="button button-primary" href={href({ name: 'menu' })} data-testid="welcome-go">
            {phrased(words.begin)}
          </a>
        )}
        {p.status === 'passed' && <a href={href({ name: 'complete' })}>{ui.menu.certificate}</a>}
      </div>
      <div class="welcome-facts">
        <section aria-labelledby="w-duration">
          <h2 id="w-duration">{phrased(words.duration)}</h2>
          <p class="welcome-figure" data-testid="duration">
            {fill(words.durationValue, meta.estimate)}
          </p>
          <p class="note" data-testid="duration-note">
            {phrased(fill(words.durationNote, { quizzes: p.quizzesTotal }))}
            {!view.readOnly && phrased(words.resumeNote)}
          </p>
        </section>
        <section aria-labelledby="w-complete">
          <h2 id="w-complete">{phrased(words.howToComplete)}</h2>
          <ul data-testid="completion-rule">
            {completionRule(store.course, p).map((line) => (
              <li key={line}>{phrased(line)}</li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="w-goals">
        <h2 id="w-goals">{phrased(words.goals)}</h2>
        {/* the bench times the whole first screen by this, the last part of it to be drawn */}
        <p elementtiming="welcome-whole">{phrased(words.goalsLead)}</p>
        <ul class="welcome-goals">
          {meta.goals.map((g) => (
            <li key={g}>{phrased(g)}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}
