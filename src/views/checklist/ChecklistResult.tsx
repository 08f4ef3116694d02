import { useState } from 'preact/hooks';
import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { areaScores, LEVELS, levelOf, openItems, overallPercent, weakestAreas } from '../../model/checklist.ts';
import { cssString } from '../css-string.ts';
import { Crumbs } from './Crumbs.tsx';
import { ANSWER_LABELS, CHECKLIST_LABELS, formatDate } from './labels.ts';
import { checklistAreas } from './areas.ts';
import { AreaChart } from './AreaChart.tsx';
import { AreaTable } from './AreaTable.tsx';
import './checklist.css';

export function ChecklistResult({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  // The company of course.yaml, or what the learner types: printed on the report, never part of the saved state.
  const configured = course.meta.company;
  const [company, setCompany] = useState(configured?.name ?? '');
  const answers = view.state.checklist;
  const areas = checklistAreas(course);
  const labels = Object.fromEntries(areas.map((a) => [a.page.id, a.page.navLabel]));
  const scores = areaScores(course.checklist, answers);
  const overall = overallPercent(scores);
  const level = overall === null ? undefined : levelOf(overall);
  const weakest = weakestAreas(scores);
  const open = openItems(course.checklist, answers);
  const unanswered = scores.reduce((n, s) => n + s.total - s.answered, 0);
  const numberOf = (id: string) => course.checklist.findIndex((i) => i.id === id) + 1;

  return (
    <article class="checklist-report">
      {/* every printed page's margins: the report's title and company at the top, the page number at the bottom */}
      <style>{`@media print{@page{@top-left{content:${cssString([CHECKLIST_LABELS.reportTitle, company.trim()].filter(Boolean).join('　'))}}}}`}</style>
      <Crumbs course={course} current={CHECKLIST_LABELS.reportTitle} />
      {configured?.logoSvg && (
        // sanitised to drawing elements at build time (scripts/content/company.ts); the name beside it says whose
        <div class="company-logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: configured.logoSvg }} />
      )}
      <h1>{CHECKLIST_LABELS.reportTitle}</h1>
      <dl class="report-meta">
        <div>
          <dt>{CHECKLIST_LABELS.date}</dt>
          <dd>{formatDate(new Date())}</dd>
        </div>
        {company.trim() && (
          <div class={configured?.name ? undefined : 'print-only'} data-testid="report-company">
            <dt>{CHECKLIST_LABELS.company}</dt>
            <dd>{company.trim()}</dd>
          </div>
        )}
        <div>
          <dt>回答</dt>
          <dd>{CHECKLIST_LABELS.answered(course.checklist.length - unanswered, course.checklist.length)}</dd>
        </div>
      </dl>
      <div class="report-tools no-print">
        <label class="report-company">
          <span>{CHECKLIST_LABELS.companyInput}</span>
          <input type="text" value={company} maxLength={80} autoComplete="organization" onInput={(e) => setCompany(e.currentTarget.value)} />
        </label>
        <button type="button" class="button" onClick={() => window.print()}>
          {CHECKLIST_LABELS.print}
        </button>
      </div>

      <section class="report-level" aria-labelledby="report-level-title">
        <h2 id="report-level-title">{CHECKLIST_LABELS.overallLevel}</h2>
        {level ? (
          <p class={`level level-${level.rank}`} data-testid="overall-level">
            <span class="level-rank">レベル{level.rank}</span>
            <span class="level-label">{level.label}</span>
            <span class="level-percent">（総合 {overall}%）</span>
          </p>
        ) : (
          <p data-testid="overall-level">{CHECKLIST_LABELS.noScore}</p>
        )}
        {level && <p>{level.advice}</p>}
      </section>

      {unanswered > 0 && (
        <p class="notice-inline" data-testid="report-pending">
          {CHECKLIST_LABELS.pending(unanswered)}{' '}
          <a class="no-print" href={href({ name: 'checklist' })}>
            {CHECKLIST_LABELS.backToList}
          </a>
        </p>
      )}

      <section aria-labelledby="report-chart-title">
        <h2 id="report-chart-title">{CHECKLIST_LABELS.chartTitle}</h2>
        <AreaChart scores={scores} labels={labels} />
        <ul class="chart-legend" aria-label={CHECKLIST_LABELS.legend}>
          {LEVELS.map((l, i) => (
            <li key={l.rank}>
              <span class={`legend-swatch rank-${l.rank}`} aria-hidden="true" />
              {CHECKLIST_LABELS.legendItem(l.rank, l.label, l.min, LEVELS[i - 1]?.min)}
            </li>
          ))}
        </ul>
        <AreaTable scores={scores} labels={labels} overall={overall} />
        <p class="note">{CHECKLIST_LABELS.method}</p>
      </section>

      <section aria-labelledby="report-weakest-title">
        <h2 id="report-weakest-title">{CHECKLIST_LABELS.weakest}</h2>
        {weakest.length > 0 ? (
          <ol class="report-weakest" data-testid="weakest-areas">
            {weakest.map((s) => (
              <li key={s.areaId} data-area={s.areaId}>
                <a href={href({ name: 'page', id: s.areaId })}>{labels[s.areaId]}</a>
                <span class="report-weakest-rate">{CHECKLIST_LABELS.percent(s.percent)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{overall === null ? CHECKLIST_LABELS.noScore : CHECKLIST_LABELS.allComplete}</p>
        )}
      </section>

      <section class="report-open" aria-labelledby="report-open-title">
        <h2 id="report-open-title">{CHECKLIST_LABELS.openItems}</h2>
        {open.length === 0 && <p>{CHECKLIST_LABELS.noOpenItems}</p>}
        {areas
          .filter((a) => open.some((i) => i.area === a.page.id))
          .map((a) => (
            <div key={a.page.id} class="report-open-area" data-area={a.page.id}>
              <h3>{a.page.navLabel}</h3>
              <p class="report-refs">{[...a.refs.selfCheck, ...a.refs.criteria].join('　／　')}</p>
              <ul>
                {open
                  .filter((i) => i.area === a.page.id)
                  .map((i) => (
                    <li key={i.id} data-item={i.id}>
                      <span class={`answer-tag tag-${answers[i.id]}`}>{ANSWER_LABELS[answers[i.id]]}</span>
                      <span class="report-open-number">{numberOf(i.id)}.</span> {i.text}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
      </section>
    </article>
  );
}
