// Renders AttemptRecords as the records panel: plain DOM, rebuilt whole on
// every change (a few dozen rows), so there is no state to keep in step.
import { formatSeconds, type AttemptRecords } from './records.ts';

type Child = Node | string;

function el(tag: string, attrs: Record<string, string> = {}, children: Child[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function table(testId: string, head: string[], rows: Child[][]): HTMLElement {
  return el('table', { 'data-testid': testId }, [
    el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col' }, [h])))]),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, [c]))))),
  ]);
}

function facts(testId: string, pairs: Array<[string, string, string]>): HTMLElement {
  return el('dl', { 'data-testid': testId }, pairs.flatMap(([label, key, value]) => [el('dt', {}, [label]), el('dd', { 'data-field': key }, [value || '—'])]));
}

export function renderRecords(records: AttemptRecords | null): HTMLElement {
  if (!records) return el('p', { 'data-testid': 'no-records' }, ['まだ記録がありません。コースを始めると、LMS に保存された値がここに表示されます。']);
  const { score } = records;
  const usage = records.suspendDataLength / records.suspendDataLimit;
  const scoreText = score.raw ? `${score.raw}（${score.min || '?'}〜${score.max || '?'}）${score.scaled ? ` scaled ${score.scaled}` : ''}` : '';
  return el('div', {}, [
    el('h2', {}, ['受験']),
    facts('attempt', [
      ['学習者', 'learner', `${records.learnerName}（${records.learnerId}）`],
      [records.version === '1.2' ? '状態 lesson_status' : '状態 completion / success', 'status', records.status],
      ['点数 raw（min〜max）', 'score', scoreText],
      ['合計時間（終了したセッションの合計）', 'total-time', formatSeconds(records.totalSeconds)],
      ['今回のセッション時間', 'session-time', records.sessionTime],
      ['entry / exit', 'entry-exit', `${records.entry || '""'} / ${records.exit || '""'}`],
      ['位置 location', 'location', records.location],
    ]),
    el('h2', {}, ['中断データ suspend_data']),
    el('p', { 'data-testid': 'suspend-data' }, [
      el('meter', { min: '0', max: String(records.suspendDataLimit), value: String(records.suspendDataLength), high: String(records.suspendDataLimit * 0.8) }),
      ` ${records.suspendDataLength} / ${records.suspendDataLimit} 文字（${(usage * 100).toFixed(1)}%）`,
    ]),
    el('h2', {}, [`インタラクション（${records.interactions.length}件）`]),
    table(
      'interactions',
      ['#', 'ID', '回答', '正答パターン', '結果', '所要時間', '日時'],
      records.interactions.map((i) => [String(i.index), i.id, i.response, i.pattern, i.result, i.latency, i.when]),
    ),
    el('h2', {}, [`目標（${records.objectives.length}件）`]),
    table(
      'objectives',
      ['#', 'ID', records.version === '1.2' ? '状態' : '完了 / 合否', '点数'],
      records.objectives.map((o) => [String(o.index), o.id, o.status, o.score]),
    ),
  ]);
}
