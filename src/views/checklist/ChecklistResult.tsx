import { useState } from 'preact/hooks';
import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import { areaScores, levelOf, openItems, overallPercent, weakestAreas } from '../../model/checklist.ts';
import { cssString } from '../css-string.ts';
import { dayOf, dayStamp } from '../../model/day.ts';
import { Crumbs } from './Crumbs.tsx';
import { phrased } from '../phrased.tsx';
import { fill } from '../../content/ui.ts';
import { checklistAreas, percentText } from './areas.ts';
import { refGroups } from '../refs.ts';
import { AreaChart } from './AreaChart.tsx';
import { AreaTable } from './AreaTable.tsx';
import './checklist.css';
import { useScreenTitle } from '../useScreenTitle.ts';

export function ChecklistResult({ store, view }: { store: Store; view: View }) {
  const { course } = store;
  const { ui } = course;
  const words = ui.checklist;
  // The company of course.yaml, or what the learner types: printed on the report, never part of the saved state.
  const configured = course.meta.company;
  const [company, setCompany] = useState(configured?.name ?? '');
  const companyName = company.trim();
  const answers = view.state.checklist;
  const areas = checklistAreas(course);
  const labels = Object.fromEntries(areas.map((a) => [a.page.id, a.page.navLabel]));
  const scores = areaScores(course.checklist, answers);
  const overall = overallPercent(scores);
  const levels = course.checklistLevels;
  const level = overall === null ? undefined : levelOf(course.checklistLevels, overall);
  const weakest = weakestAreas(scores);
  const open = openItems(course.checklist, answers);
  const unanswered = scores.reduce((n, s) => n + s.total - s.answered, 0);
  const numberOf = (id: string) => course.checklist.findIndex((i) => i.id === id) + 1;
  useScreenTitle(course, words.reportTitle);

  return (
    <article class="checklist-report">
      {/* every printed page's margins: the report's title and company at the top, the page number at the bottom */}
      <style>{`@media print{@page{@top-left{content:${cssString(companyName ? fill(words.reportPageHeader, { title: words.reportTitle, company: companyName }) : words.reportTitle)}}}}`}</style>
      <Crumbs course={course} current={words.reportTitle} />
      {configured?.logoSvg && (
        // sanitised to drawing elements at build time (scripts/content/company.ts); the name beside it says whose
        <div class="company-logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: configured.logoSvg }} />
      )}
      <h1>{words.reportTitle}</h1>
      <dl class="report-meta">
        <div>
          <dt>{words.date}</dt>
          <dd>{fill(words.dateValue, dayOf(dayStamp(new Date()))!)}</dd>
        </div>
        {companyName && (
          <div class={configured?.name ? undefined : 'print-only'} data-testid="report-company">
            <dt>{words.company}</dt>
            <dd>{companyName}</dd>
          </div>
        )}
        <div>
          <dt>{words.answeredTerm}</dt>
          <dd>{fill(words.answered, { answered: course.checklist.length - unanswered, total: course.checklist.length })}</dd>
        </div>
      </dl>
      <div class="report-tools no-print">
        {/* the company of course.yaml is the report's own: a field to retype it would only invite a different name */}
        {!configured?.name && (
          <label class="report-company">
            <span>{words.companyInput}</span>
            <input type="text" value={company} maxLength={80} autoComplete="organization" onInput={(e) => setCompany(e.currentTarget.value)} />
          </label>
        )}
        <button type="button" class="button" onClick={() => window.print()}>
          {words.print}
        </button>
      </div>

      <section class="report-level" aria-labelledby="report-level-title">
        <h2 id="report-level-title">{words.overallLevel}</h2>
        {level ? (
          <p class={`level level-${level.rank}`} data-testid="overall-level">
            <span class="level-rank">{fill(words.level, level)}</span>
            <span class="level-label">{level.label}</span>
            <span class="level-percent">{fill(words.levelPercent, { percent: overall! })}</span>
          </p>
        ) : (
          <p data-testid="overall-level">{phrased(words.noScore)}</p>
        )}
        {level && unanswered > 0 && (
          <p class="note" data-testid="level-basis">
            {phrased(fill(words.levelBasis, { answered: course.checklist.length - unanswered, total: course.checklist.length }))}
          </p>
        )}
        {level && <p>{phrased(level.advice)}</p>}
      </section>

      {unanswered > 0 && (
        <p class="notice-inline" data-testid="report-pending">
          {phrased(unanswered === course.checklist.length ? words.pendingAll : fill(words.pending, { count: unanswered }))}{' '}
          <a class="no-print" href={href({ name: 'checklist' })}>
            {words.backToList}
          </a>
        </p>
      )}

      <section aria-labelledby="report-chart-title">
        <h2 id="report-chart-title">{words.chartTitle}</h2>
        <AreaChart scores={scores} labels={labels} levels={course.checklistLevels} ui={words} />
        <ul class="chart-legend" aria-label={words.legend}>
          {levels.map((l, i) => {
            // levels come highest first: the one before this one is its upper bound
            const below = levels[i - 1]?.min;
            return (
              <li key={l.rank}>
                <span class={`legend-swatch rank-${l.rank}`} aria-hidden="true" />
                {below === undefined ? fill(words.legendFrom, l) : fill(l.min === 0 ? words.legendBelow : words.legendBetween, { ...l, below })}
              </li>
            );
          })}
        </ul>
        <AreaTable scores={scores} labels={labels} overall={overall} ui={ui} />
        <p class="note">{phrased(words.method)}</p>
        <p class="note" data-testid="report-authorship">{phrased(words.authorship)}</p>
      </section>

      <section aria-labelledby="report-weakest-title">
        <h2 id="report-weakest-title">{words.weakest}</h2>
        {weakest.length > 0 ? (
          <ol class="report-weakest" data-testid="weakest-areas">
            {weakest.map((s) => (
              <li key={s.areaId} data-area={s.areaId}>
                <a href={href({ name: 'page', id: s.areaId })}>{labels[s.areaId]}</a>
                <span class="report-weakest-rate">{percentText(s.percent)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{phrased(overall === null ? words.noScore : words.allComplete)}</p>
        )}
      </section>

      <section class="report-open" aria-labelledby="report-open-title">
        <h2 id="report-open-title">{words.openItems}</h2>
        {open.length === 0 && <p>{phrased(overall === null ? words.noScore : words.noOpenItems)}</p>}
        {areas.map((a) => {
          const items = open.filter((i) => i.area === a.page.id);
          return (
            items.length > 0 && (
              <div key={a.page.id} class="report-open-area" data-area={a.page.id}>
                <h3>{a.page.navLabel}</h3>
                <p class="report-refs">{phrased(refGroups(a.refs, ui.page).map((g) => g.label + g.refs.join(words.refsSeparator)).join(words.refsSeparator))}</p>
                <ul>
                  {items.map((i) => (
                    <li key={i.id} data-item={i.id}>
                      <span class={`answer-tag tag-${answers[i.id]}`}>{ui.answers[answers[i.id]]}</span>
                      <span class="report-open-number">{numberOf(i.id)}.</span> {phrased(i.text)}
                    </li>
                  ))}
                </ul>
              </div>
            )
          );
        })}
      </section>

      {/* the report's end is not a dead end: back to the areas, or to the course's top */}
      <div class="actions no-print">
        <a class="button" href={href({ name: 'checklist' })}>
          {words.backToList}
        </a>
        <a class="button button-secondary" href={href({ name: 'menu' })}>
          {ui.nav.backToTop}
        </a>
      </div>
    </article>
  );
}
