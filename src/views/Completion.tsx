import { useRef, useState } from 'preact/hooks';
import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { fill } from '../content/ui.ts';
import { certificateData, cleanName, NAME_MAX } from '../model/certificate.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { phrased } from './phrased.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { useScreenTitle } from './useScreenTitle.ts';

/** The course's end: the result, the date, and the 修了証, which prints alone on one A4 page. */
export function Completion({ store, view }: { store: Store; view: View }) {
  const { ui } = store.course;
  const words = ui.completion;
  const p = view.progress;
  const name = view.learnerName || cleanName(view.typedName);
  const cert = certificateData(store.course, view.state, p.score, name);
  const date = cert.date ? fill(ui.checklist.dateValue, cert.date) : '';
  const score = fill(ui.progress.points, { score: cert.score });
  // named 修了証 whether or not it is earned yet: the certificate is what this screen prints
  useScreenTitle(store.course, words.certificate);
  const nameInput = useRef<HTMLInputElement>(null);
  const [nameAsked, setNameAsked] = useState(false);
  // a certificate printed without a name reads as no one's: ask for it first (the browser's own print still gets a line to write on)
  const print = () => {
    if (name) return window.print();
    setNameAsked(true);
    nameInput.current?.focus();
  };
  return (
    <article class="completion">
      <Breadcrumb ui={ui.nav} trail={[{ label: words.certificate }]} />
      {!p.completed ? (
        <>
          <h1>{phrased(words.certificate)}</h1>
          <p data-testid="not-complete">{phrased(words.notYet)}</p>
          {/* every unread page named: no section cards here mark the rest */}
          <StatusPanel store={store} view={view} listed={Infinity} />
          <p>
            <a class="button" href={href({ name: 'menu' })}>
              {phrased(ui.welcome.toMenu)}
            </a>
          </p>
        </>
      ) : (
        <>
          <h1>{phrased(words.title)}</h1>
          <p class="lead">{phrased(words.lead)}</p>
          <dl class="completion-result">
            <div>
              <dt>{words.score}</dt>
              <dd data-testid="completion-score">{fill(words.scoreValue, { score: cert.score, passMark: p.passMark })}</dd>
            </div>
            <div>
              <dt>{words.date}</dt>
              <dd data-testid="completion-date">{date}</dd>
            </div>
          </dl>
          {!view.learnerName && (
            <div class="name-field">
              <label for="cert-name">{words.nameInput}</label>
              <p class="note" id="cert-name-hint">
                {phrased(words.nameHint)}
              </p>
              <input
                id="cert-name"
                ref={nameInput}
                type="text"
                autocomplete="name"
                maxLength={NAME_MAX}
                aria-describedby={nameAsked && !name ? 'cert-name-hint cert-name-needed' : 'cert-name-hint'}
                aria-invalid={nameAsked && !name ? true : undefined}
                value={view.typedName}
                onInput={(e) => store.setTypedName((e.target as HTMLInputElement).value)}
              />
              {nameAsked && !name && (
                <p class="field-error" id="cert-name-needed" role="alert" data-testid="name-needed">
                  {words.nameNeeded}
                </p>
              )}
            </div>
          )}
          <p class="actions">
            <button type="button" class="button" onClick={print}>
              {phrased(words.print)}
            </button>
          </p>
          <section class="certificate" aria-labelledby="cert-title" data-testid="certificate">
            <div class="certificate-frame">
              <h2 id="cert-title" class="certificate-title">
                {phrased(words.certificate)}
              </h2>
              <p class="certificate-name" data-testid="certificate-name">
                <span class="certificate-name-text">{cert.name || <span class="visually-hidden">{words.nameBlank}</span>}</span> {words.honorific}
              </p>
              <p class="certificate-body">{phrased(words.certificateBody)}</p>
              <dl class="certificate-facts">
                <div>
                  <dt>{words.course}</dt>
                  <dd>{fill(words.courseValue, { title: cert.courseTitle, version: cert.version })}</dd>
                </div>
                <div>
                  <dt>{words.score}</dt>
                  <dd>{score}</dd>
                </div>
                <div>
                  <dt>{words.date}</dt>
                  <dd>{date}</dd>
                </div>
              </dl>
              {cert.company && (
                <p class="certificate-company" data-testid="certificate-company">
                  {cert.company}
                </p>
              )}
            </div>
          </section>
          {/* the way on after the certificate, as at the end of every page */}
          <p class="actions">
            <a class="button button-secondary" href={href({ name: 'menu' })}>
              {phrased(ui.nav.backToTop)}
            </a>
          </p>
        </>
      )}
    </article>
  );
}
