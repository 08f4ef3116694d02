import type { Progress } from '../model/progress.ts';
import { LABELS } from './labels.ts';

export function ProgressSummary({ progress }: { progress: Progress }) {
  const pct = Math.round(progress.measure * 100);
  return (
    <div class="progress" role="group" aria-label="学習の進み具合">
      <div class="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={`全体の進み具合 ${pct}%`}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <dl class="progress-figures">
        <div>
          <dt>{LABELS.pages}</dt>
          <dd data-testid="pages-visited">
            {progress.pagesVisited}/{progress.pagesTotal}
          </dd>
        </div>
        <div>
          <dt>{LABELS.quizzes}</dt>
          <dd data-testid="quizzes-answered">
            {progress.quizzesAnswered}/{progress.quizzesTotal}
          </dd>
        </div>
        <div>
          <dt>{LABELS.score}</dt>
          <dd data-testid="score">
            {progress.score}点 <small>（{LABELS.passMark(progress.passMark)}）</small>
          </dd>
        </div>
      </dl>
    </div>
  );
}
