import type { AreaScore } from '../../model/checklist.ts';
import { CHECKLIST_ANSWERS } from '../../model/state.ts';
import { ANSWER_LABELS, CHECKLIST_LABELS } from './labels.ts';

/** The chart's figures as a table: read by screen readers, printed with the report. */
export function AreaTable({ scores, labels, overall }: {
  scores: readonly AreaScore[];
  labels: Readonly<Record<string, string>>;
  overall: number | null;
}) {
  return (
    <div class="area-table-wrap" role="region" aria-label={CHECKLIST_LABELS.tableCaption} tabIndex={0}>
      <table class="area-table" data-testid="area-table">
        <caption>{CHECKLIST_LABELS.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{CHECKLIST_LABELS.area}</th>
            <th scope="col">{CHECKLIST_LABELS.rate}</th>
            {CHECKLIST_ANSWERS.map((a) => (
              <th key={a} scope="col">
                {ANSWER_LABELS[a]}
              </th>
            ))}
            <th scope="col">{CHECKLIST_LABELS.unanswered}</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s) => (
            <tr key={s.areaId} data-area={s.areaId}>
              <th scope="row">{labels[s.areaId]}</th>
              <td class="area-table-rate">{CHECKLIST_LABELS.percent(s.percent)}</td>
              {CHECKLIST_ANSWERS.map((a) => (
                <td key={a}>{s.counts[a]}</td>
              ))}
              <td>{s.total - s.answered}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{CHECKLIST_LABELS.overall}</th>
            <td class="area-table-rate" data-testid="overall-rate">
              {CHECKLIST_LABELS.percent(overall)}
            </td>
            {CHECKLIST_ANSWERS.map((a) => (
              <td key={a}>{scores.reduce((n, s) => n + s.counts[a], 0)}</td>
            ))}
            <td>{scores.reduce((n, s) => n + s.total - s.answered, 0)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
