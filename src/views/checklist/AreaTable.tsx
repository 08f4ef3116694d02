import type { AreaScore } from '../../model/checklist.ts';
import { CHECKLIST_ANSWERS } from '../../model/state.ts';
import type { Ui } from '../../content/ui.ts';
import { percentText } from './areas.ts';
import { phrased } from '../phrased.tsx';

/** The chart's figures as a table: read by screen readers, printed with the report. */
export function AreaTable({ scores, labels, overall, ui }: {
  scores: readonly AreaScore[];
  labels: Readonly<Record<string, string>>;
  overall: number | null;
  ui: Ui;
}) {
  const words = ui.checklist;
  return (
    <>
      {/* a phone shows the table's first columns only: say that the rest is to the side */}
      <p class="scroll-hint no-print" aria-hidden="true">
        {phrased(words.tableScrollHint)}
      </p>
      <div class="area-table-wrap" role="region" aria-label={words.tableCaption} tabIndex={0}>
        <table class="area-table" data-testid="area-table">
          <caption>{words.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{words.area}</th>
              <th scope="col">{words.rate}</th>
              {CHECKLIST_ANSWERS.map((a) => (
                <th key={a} scope="col">
                  {ui.answers[a]}
                </th>
              ))}
              <th scope="col">{words.unanswered}</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.areaId} data-area={s.areaId}>
                <th scope="row">{labels[s.areaId]}</th>
                <td class="area-table-rate">{percentText(s.percent)}</td>
                {CHECKLIST_ANSWERS.map((a) => (
                  <td key={a}>{s.counts[a]}</td>
                ))}
                <td>{s.total - s.answered}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{words.overall}</th>
              <td class="area-table-rate" data-testid="overall-rate">
                {percentText(overall)}
              </td>
              {CHECKLIST_ANSWERS.map((a) => (
                <td key={a}>{scores.reduce((n, s) => n + s.counts[a], 0)}</td>
              ))}
              <td>{scores.reduce((n, s) => n + s.total - s.answered, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
