import type { Progress } from '../model/progress.ts';
import { fill, type Ui } from '../content/ui.ts';

export function ProgressSummary({ progress, ui }: { progress: Progress; ui: Ui['progress'] }) {
  const pct = Math.round(progress.measure * 100);
  return (
    <div class="progress" role="group" aria-label={ui.label}>
      <div class="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={fill(ui.bar, { percent: pct })}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <dl class="progress-figures">
        <div>
          <dt>{ui.pages}</dt>
          <dd data-testid="pages-visited">
            {progress.pagesVisited}/{progress.pagesTotal}
          </dd>
        </div>
        <div>
          <dt>{ui.quizzes}</dt>
          <dd data-testid="quizzes-answered">
            {progress.quizzesAnswered}/{progress.quizzesTotal}
          </dd>
        </div>
        <div>
          <dt>{ui.score}</dt>
          <dd data-testid="score">
            {fill(ui.points, progress)} <small>（{fill(ui.passMark, progress)}）</small>
          </dd>
        </div>
      </dl>
    </div>
  );
}
