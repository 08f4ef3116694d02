import { levelOf, type AreaScore } from '../../model/checklist.ts';
import { fill, type Ui } from '../../content/ui.ts';
import type { Level } from '../../content/types.ts';
import { percentText } from './areas.ts';

// Drawn in a narrow coordinate space so that on a 360 px phone the text stays
// at about its nominal size; wider screens cap the width in CSS.
const WIDTH = 360;
const ROW = 40;
const LABEL_Y = 15;
const BAR_Y = 21;
const BAR_HEIGHT = 12;
const AXIS = 22;
const TICKS = [0, 25, 50, 75, 100];

/** Horizontal bars, one per area. Purely visual: AreaTable carries the same figures for assistive technology. */
export function AreaChart({ scores, labels, levels, ui }: {
  scores: readonly AreaScore[];
  labels: Readonly<Record<string, string>>;
  levels: readonly Level[];
  ui: Ui['checklist'];
}) {
  const height = scores.length * ROW + AXIS;
  const x = (percent: number) => (WIDTH * percent) / 100;
  return (
    <svg
      class="area-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={fill(ui.chartLabel, { title: ui.chartTitle })}
      data-testid="area-chart"
    >
      {scores.map((s, i) => {
        const top = i * ROW;
        return (
          <g key={s.areaId} data-area={s.areaId}>
            <text class="area-chart-label" x={0} y={top + LABEL_Y}>
              {labels[s.areaId]}
            </text>
            <text class="area-chart-value" x={WIDTH} y={top + LABEL_Y} text-anchor="end">
              {percentText(s.percent)}
            </text>
            <rect class="area-chart-track" x={0} y={top + BAR_Y} width={WIDTH} height={BAR_HEIGHT} />
            {TICKS.map((t) => (
              // gridlines only across the bar, so they never cut through the labels
              <line key={t} class="area-chart-grid" x1={x(t)} x2={x(t)} y1={top + BAR_Y - 2} y2={top + BAR_Y + BAR_HEIGHT + 2} />
            ))}
            {s.percent !== null && (
              <rect
                class={`area-chart-bar rank-${levelOf(levels, s.percent).rank}`}
                x={0}
                y={top + BAR_Y}
                width={x(s.percent)}
                height={BAR_HEIGHT}
                data-percent={s.percent}
              />
            )}
          </g>
        );
      })}
      {TICKS.map((t) => (
        <text
          key={t}
          class="area-chart-tick"
          x={x(t)}
          y={height - 6}
          text-anchor={t === 0 ? 'start' : t === 100 ? 'end' : 'middle'}
        >
          {t}%
        </text>
      ))}
    </svg>
  );
}
