// Fixed interface wording. Course text lives in content/; these are the few
// words the views need around it.
export const LABELS = {
  top: 'トップ',
  backToTop: 'トップに戻る',
  skip: '本文へ移動',
  prev: '前へ',
  next: '次へ',
  pages: 'ページ',
  quizzes: 'クイズ',
  score: '得点',
  passMark: (n: number) => `合格基準 ${n}点`,
  visited: '閲覧済み',
  selectAll: '正しいものをすべて選んでください。',
  submit: '解答する',
  correct: '正解',
  incorrect: '不正解',
  allCorrect: 'すべて正解',
  yourChoice: 'あなたの選択',
  keyChoice: '正解の選択肢',
  explanation: '解説',
  choiceNotes: '選択肢ごとの解説',
  nextQuiz: '次のクイズへ',
  seeResult: '結果を見る',
  retry: 'もう一度挑戦する',
  storyList: 'ストーリー一覧へ',
  start: 'クイズを始める',
  resume: '続きから解答する',
  selfCheck: '【セルフチェックシートの項目】',
  criteria: '【基準該当箇所】',
  /** the course's own mapping, so that it is never read as the source's */
  related: '【関連する項目（本研修による対応付け）】',
  measuresNav: '9つの対策',
  cast: '登場人物',
  mapColumns: { preparation: '対策を進めるための事前準備', measure: '個別の対策', stronger: 'さらに取組を強化する場合' },
  status: {
    passed: '合格（修了）',
    completed: '修了',
    failed: '不合格',
    incomplete: '学習中',
  },
} as const;

export const choiceNumber = (index: number): string => `${index + 1}`;
