import type { Store, View } from '../app/store.ts';
import { href } from '../app/routes.ts';
import { certificateData } from '../model/certificate.ts';
import { LABELS } from './labels.ts';
import { Breadcrumb } from './Breadcrumb.tsx';

/** The course's end: the result, the date, and the 修了証, which prints alone on one A4 page. */
export function Completion({ store, view }: { store: Store; view: View }) {
  const p = view.progress;
  const done = p.status === 'passed' || p.status === 'completed';
  const name = view.learnerName || view.typedName;
  const cert = certificateData(store.course, view.state, p.score, name);
  return (
    <article class="completion">
      <Breadcrumb trail={[{ label: LABELS.certificate }]} />
      {!done ? (
        <>
          <h1>{LABELS.certificate}</h1>
          <p data-testid="not-complete">{LABELS.notYetComplete}</p>
          <p>
            <a class="button" href={href({ name: 'menu' })}>
              {LABELS.toMenu}
            </a>
          </p>
        </>
      ) : (
        <>
          <h1>{LABELS.completeTitle}</h1>
          <p class="lead">{LABELS.completeLead}</p>
          <dl class="completion-result">
            <div>
              <dt>{LABELS.certScore}</dt>
              <dd data-testid="completion-score">
                {LABELS.resultScore(cert.score)}（{LABELS.passMark(p.passMark)}）
              </dd>
            </div>
            <div>
              <dt>{LABELS.completedOn}</dt>
              <dd data-testid="completion-date">{cert.date}</dd>
            </div>
          </dl>
          {!view.learnerName && (
            <div class="name-field">
              <label for="cert-name">{LABELS.nameInput}</label>
              <p class="note" id="cert-name-hint">
                {LABELS.nameHint}
              </p>
              <input
                id="cert-name"
                type="text"
                autocomplete="name"
                maxLength={40}
                aria-describedby="cert-name-hint"
                value={view.typedName}
                onInput={(e) => store.setTypedName((e.target as HTMLInputElement).value)}
              />
            </div>
          )}
          <p class="actions">
            <button type="button" class="button" onClick={() => window.print()}>
              {LABELS.printCertificate}
            </button>
          </p>
          <section class="certificate" aria-labelledby="cert-title" data-testid="certificate">
            <div class="certificate-frame">
              <h2 id="cert-title" class="certificate-title">
                {LABELS.certTitle}
              </h2>
              <p class="certificate-name" data-testid="certificate-name">
                <span class="certificate-name-text">{cert.name}</span> {LABELS.certHonorific}
              </p>
              <p class="certificate-body">{LABELS.certBody}</p>
              <dl class="certificate-facts">
                <div>
                  <dt>{LABELS.certCourse}</dt>
                  <dd>
                    {cert.courseTitle}（{LABELS.certVersion(cert.version)}）
                  </dd>
                </div>
                <div>
                  <dt>{LABELS.certScore}</dt>
                  <dd>{LABELS.resultScore(cert.score)}</dd>
                </div>
                <div>
                  <dt>{LABELS.completedOn}</dt>
                  <dd>{cert.date}</dd>
                </div>
              </dl>
              {cert.company && (
                <p class="certificate-company" data-testid="certificate-company">
                  {cert.company}
                </p>
              )}
            </div>
          </section>
        </>
      )}
    </article>
  );
}
