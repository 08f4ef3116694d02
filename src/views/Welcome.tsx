import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { quizzesToPass } from '../model/path.ts';
import { LABELS } from './labels.ts';
import { placeOf, resumeRoute } from './place.ts';

/** The course's start: what it is for, how long it takes, what it asks, and one way in. */
export function Welcome({ store, view }: { store: Store; view: View }) {
  const { meta } = store.course;
  const p = view.progress;
  // a learner who only ever reached the menu has nothing to continue yet
  const saved = resumeRoute(view.state.location);
  const begun = view.state.visited.length > 0 || p.quizzesAnswered > 0 || Object.keys(view.state.checklist).length > 0;
  const resume = saved && (saved.name !== 'menu' || begun) ? saved : undefined;
  const rule = meta.completion;
  return (
    <section class="welcome">
      <h1>{meta.title}</h1>
      <p class="lead">{meta.description}</p>
      <div class="welcome-go">
        {resume ? (
          <>
            <a class="button button-primary" href={href(resume)} data-testid="welcome-go">
              {LABELS.resumeFrom}
            </a>
            <p class="welcome-where" data-testid="welcome-where">
              {LABELS.leftOff(placeOf(store.course, resume))}
            </p>
            <a href={href({ name: 'menu' })}>{LABELS.toMenu}</a>
          </>
        ) : (
          <a class="button button-primary" href={href({ name: 'menu' })} data-testid="welcome-go">
            {LABELS.begin}
          </a>
        )}
        {p.status === 'passed' && <a href={href({ name: 'complete' })}>{LABELS.seeCertificate}</a>}
      </div>
      <div class="welcome-facts">
        <section aria-labelledby="w-duration">
          <h2 id="w-duration">{LABELS.duration}</h2>
          <p class="welcome-figure" data-testid="duration">
            {LABELS.durationValue(meta.estimate.low, meta.estimate.high)}
          </p>
          <p class="note">{LABELS.durationNote(p.quizzesTotal)}</p>
        </section>
        <section aria-labelledby="w-complete">
          <h2 id="w-complete">{LABELS.howToComplete}</h2>
          <ul data-testid="completion-rule">
            {rule.allPages && <li>{LABELS.completeRule(p.pagesTotal)}</li>}
            {rule.passingScore && <li>{LABELS.passRule(quizzesToPass(p.quizzesTotal, p.passMark), p.quizzesTotal, p.passMark)}</li>}
            {rule.checklist && <li>{LABELS.checklistRule(p.checklistTotal)}</li>}
          </ul>
        </section>
      </div>
      <section aria-labelledby="w-goals">
        <h2 id="w-goals">{LABELS.goals}</h2>
        <p>{LABELS.goalsLead}</p>
        <ul class="welcome-goals">
          {meta.goals.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}
