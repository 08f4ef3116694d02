// Wording of the checklist screens. The items themselves live in content/.
import type { ChecklistAnswer } from '../../model/state.ts';

export const ANSWER_LABELS: Readonly<Record<ChecklistAnswer, string>> = {
  done: '実施済み',
  partial: '一部実施',
  not: '未実施',
  na: '該当なし',
};

export const CHECKLIST_LABELS = {
  title: 'チェックリスト形式で確認',
  reportTitle: '自社の対策状況レポート',
  areas: '対策ごとの回答状況',
  complete: '回答済み',
  answered: (n: number, total: number) => `回答済み ${n}/${total}項目`,
  start: 'チェックを始める',
  resume: '続きから回答する',
  seeResult: '結果を見る',
  backToList: '対策の一覧へ',
  readPage: (title: string) => `「${title}」の解説を読む`,
  areaPosition: (n: number, total: number) => `対策 ${n}/${total}`,
  chartTitle: '対策ごとの実施率',
  legend: '棒の色の意味',
  legendItem: (rank: number, label: string, min: number, below?: number) =>
    `レベル${rank} ${label}（${below === undefined ? `${min}%以上` : min === 0 ? `${below}%未満` : `${min}%以上${below}%未満`}）`,
  tableCaption: '対策ごとの実施状況',
  area: '対策',
  rate: '実施率',
  unanswered: '未回答',
  overall: '総合',
  overallLevel: '総合評価',
  weakest: '優先して取り組みたい対策',
  openItems: '未実施・一部実施の項目',
  noOpenItems: '未実施・一部実施の項目はありません。',
  allComplete: 'すべての対策が実施済みです（該当なしを除く）。',
  noScore: 'まだ評価できる回答がありません。',
  date: '作成日',
  company: '会社名',
  companyInput: '会社名（任意・印刷用。保存されません）',
  print: '印刷する',
  percent: (p: number | null) => (p === null ? '—' : `${p}%`),
  pending: (n: number) => `未回答の項目が${n}件あります。すべて回答すると、より正確な結果になります。`,
  method:
    '実施率は、実施済みを1、一部実施を0.5、未実施を0として、対策ごとに回答の平均を求めたものです。「該当なし」と未回答の項目は計算に含めません。総合は、評価できる対策の実施率の平均です。この結果はクイズの得点には影響しません。',
} as const;

/** 2025年4月1日 */
export function formatDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
