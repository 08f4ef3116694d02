import type { Progress } from '../model/progress.ts';
import { fill, type Ui } from '../content/ui.ts';

/** The header's one line: the bar, then the figures; phones keep the bar and the score. */
export function ProgressSummary({ progress, ui }: { progress: Progress; ui: Ui['progress'] }) {
  const pct = Math.round(progress.measure * 100);
  return (
    <div class="progress" role="group" aria-label={ui.label}>
      <div class="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={ui.bar}>
        <span style={{ transform: `scaleX(${pct / 100})` }} />
      </div>
      <dl class="progress-figures">
        <div class="fig-wide">
          <dt>{ui.pages}</dt>
          <dd data-testid="pages-visited">
            {progress.pagesVisited}/{progress.pagesTotal}
          </dd>
        </div>
        <div class="fig-wide">
          <dt>{ui.quizzes}</dt>
          <dd data-testid="quizzes-answered">
            {progress.quizzesAnswered}/{progress.quizzesTotal}
          </dd>
        </div>
        <div>
          <dt>{ui.score}</dt>
          <dd data-testid="score">{fill(ui.points, progress)}</dd>
        </div>
        {progress.quizzesToPass > 0 && (
          <div class="fig-wide">
            <dt class="visually-hidden">{fill(ui.passMark, progress)}</dt>
            <dd data-testid="header-to-pass">{fill(ui.toPass, { count: progress.quizzesToPass })}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
