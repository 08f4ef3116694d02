import type { Progress } from '../model/progress.ts';
import { LABELS } from './labels.ts';

/** The header's one line: the bar, then the figures; phones keep the bar and the score. */
export function ProgressSummary({ progress }: { progress: Progress }) {
  const pct = Math.round(progress.measure * 100);
  return (
    <div class="progress" role="group" aria-label="学習の進み具合">
      <div class="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={`全体の進み具合 ${pct}%`}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <dl class="progress-figures">
        <div class="fig-wide">
          <dt>{LABELS.pages}</dt>
          <dd data-testid="pages-visited">
            {progress.pagesVisited}/{progress.pagesTotal}
          </dd>
        </div>
        <div class="fig-wide">
          <dt>{LABELS.quizzes}</dt>
          <dd data-testid="quizzes-answered">
            {progress.quizzesAnswered}/{progress.quizzesTotal}
          </dd>
        </div>
        <div>
          <dt>{LABELS.score}</dt>
          <dd data-testid="score">{progress.score}点</dd>
        </div>
        {progress.quizzesToPass > 0 && (
          <div class="fig-wide">
            <dt class="visually-hidden">{LABELS.passMark(progress.passMark)}</dt>
            <dd data-testid="header-to-pass">{LABELS.toPass(progress.quizzesToPass)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
