// The real content, as the learner gets it: every part of the source text is there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../scripts/content/markdown.ts';
import { realCourse } from './fixtures.ts';

const course = realCourse();
/** every word a page holds, closed tabs, cards and disclosures included */
const html = (pageId: string) =>
  course.pages
    .find((p) => p.id === pageId)!
    .blocks.map((b) =>
      b.type === 'html' ? b.html
      : b.type === 'tabs' ? b.tabs.map((t) => `${t.title}\n${t.html}`).join('\n')
      : b.type === 'cards' ? b.cards.map((c) => `${c.title}\n${c.html}`).join('\n')
      : b.type === 'details' ? `${b.summary}\n${b.html}`
      : '',
    )
    .join('\n');

describe('course content', () => {
  it('has the four areas of the top menu, in order, with descriptions', () => {
    expect(course.sections.map((s) => s.title)).toEqual(['自社の対策状況チェック', '技術等情報管理の重要性', '技術等情報管理に必要な対策', '参考情報']);
    for (const s of course.sections) expect(s.description.length).toBeGreaterThan(10);
  });

  it('has 19 quizzes numbered 1-1…4-3, each with 3–4 choices and at least one right', () => {
    expect(course.quizzes.map((q) => q.number)).toEqual([
      '1-1', '1-2', '1-3', '2-1', '2-2', '2-3',
      '3-1', '3-2', '3-3', '3-4', '3-5', '3-6', '3-7', '3-8', '3-9', '3-10',
      '4-1', '4-2', '4-3',
    ]);
    for (const q of course.quizzes) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4);
      expect(q.choices.some((c) => c.correct), q.id).toBe(true);
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
    }
  });

  it('has four stories in order with the story setting before them', () => {
    expect(course.stories.map((s) => [s.number, s.title])).toEqual([
      [1, '対策開始'],
      [2, '対策の考え方・社員教育'],
      [3, '具体的な対策実施'],
      [4, '情報漏えいの発生'],
    ]);
    expect(course.stories[3].intro).toContain('C社');
    const setting = html('stories');
    for (const name of ['Xさん', 'A社', 'B自動車']) expect(setting).toContain(name);
  });

  it('has the three leak cases as pictured cards, each with its summary, cause and measure', () => {
    const cards = course.pages.find((p) => p.id === 'leak_cases')!.blocks.flatMap((b) => (b.type === 'cards' ? b.cards : []));
    expect(cards.map((c) => c.title)).toEqual(['A社（個人情報流出）', 'B社（転職時の技術情報持出）', 'C社（海外企業への情報持出）']);
    for (const card of cards) {
      expect(card.icon, card.title).toMatch(/^fluent-emoji-flat:/);
      for (const part of ['概要', '想定される原因', '有効と想定される対策']) expect(card.html, card.title).toContain(`<h3>${part}</h3>`);
    }
    expect(cards[0].html).toContain('名簿業者に売却');
    expect(cards[1].html).toContain('情報へのアクセス権設定の不備');
    expect(cards[2].html).toContain('和解金の支払いで合意');
  });

  it('names an icon for every menu area and every measure, and a cast for every story', () => {
    for (const s of course.sections) expect(s.icon, s.id).toBeTruthy();
    for (const p of course.pages.filter((p) => p.group)) expect(p.icon, p.id).toBeTruthy();
    expect(course.cast.map((m) => m.name)).toEqual(expect.arrayContaining(['Xさん', '社長', 'A社', 'B自動車', 'Yさん', 'C社']));
    for (const s of course.stories) expect(s.cast, s.id).toContain('x');
  });

  it('has the nine measure pages and the three stronger measures, with references', () => {
    const nine = course.pages.filter((p) => p.group === 'preparation' || p.group === 'measure');
    expect(nine.map((p) => p.title)).toEqual([
      '守る情報の決定',
      '守る情報の識別・対策整理',
      '管理者選任',
      '情報管理プロセス',
      '従業員教育',
      '情報漏えい等事故発生時の報告ルール',
      '人的アクセス制限',
      '情報の物理的保管',
      '情報の電子的保管',
    ]);
    for (const p of nine) expect(p.refs?.criteria.length, p.id).toBeGreaterThan(0);
    expect(course.pages.filter((p) => p.group === 'stronger').map((p) => p.title)).toEqual(['段階毎管理', '敷地全体の保護', '外部委託先の管理']);
  });

  it('has the reference page with the METI link and the audit guideline documents', () => {
    const ref = html('reference');
    expect(ref).toContain('href="https://www.meti.go.jp/policy/mono_info_service/mono/technology_management/index.html"');
    expect(ref).toContain('target="_blank"');
    for (const doc of ['セルフチェックシート', '期待される到達レベルの考え方', '監査ガイドライン', '監査の指針']) expect(ref).toContain(doc);
  });

  it('keeps ids stable and safe for SCORM', () => {
    for (const q of course.quizzes) expect(q.id).toMatch(/^q\d+_\d+$/);
    for (const q of course.quizzes) for (const c of q.choices) expect(c.id).toMatch(/^[a-z]$/);
  });

  it('fixes the seed typos', () => {
    const all = JSON.stringify(course);
    for (const typo of ['情報市捨て', '選任するに際には', 'プ印刷', '開場して', 'しまします', 'パソコンへ等']) expect(all).not.toContain(typo);
  });
});

describe('the built course file', () => {
  const file = 'dist/course/index.html';
  // built by `npm test` before vitest runs
  it('carries no placeholder and no parser, and loads nothing from outside', () => {
    const built = readFileSync(file, 'utf8');
    for (const placeholder of ['追加予定', 'URLを追加', 'X.X']) expect(built).not.toContain(placeholder);
    expect(built).not.toMatch(/<script[^>]+src=/);
    expect(built).not.toMatch(/<link[^>]+href=/);
    expect(built).not.toContain('markdown-it');
    expect(built).toContain('lang="ja"');
  });
});

describe('tables in course text', () => {
  it('label each body cell with its column heading as a reader sees it, and head each row with its first cell', () => {
    const { html, problems } = renderMarkdown(
      ['| 区分 | `㊙` の表示 | **保管**する場所 |', '| --- | --- | --- |', '| 極秘 | あり | 金庫 |', '| 社外秘 | あり | 施錠した棚 |'].join('\n'),
    );
    expect(problems).toEqual([]);
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
    expect(rows[0]).toBe('\n<th scope="col">区分</th>\n<th scope="col"><code>㊙</code> の表示</th>\n<th scope="col"><strong>保管</strong>する場所</th>\n');
    expect(rows.slice(1)).toEqual([
      '\n<th scope="row">極秘</th>\n<td data-label="㊙ の表示">あり</td>\n<td data-label="保管する場所">金庫</td>\n',
      '\n<th scope="row">社外秘</th>\n<td data-label="㊙ の表示">あり</td>\n<td data-label="保管する場所">施錠した棚</td>\n',
    ]);
  });
});
