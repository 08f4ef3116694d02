// Phrase boundaries for Japanese line breaking: BudouX's cuts, with its
// one-character slips mended, and nothing of the text lost or reordered.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { markedTemplate, NO_BREAK_SPACE, phraseHtml, phrasesOf, withPhraseMarks } from '../../scripts/content/phrases.ts';
import { PHRASE_SEPARATOR } from '../../src/content/phrases.ts';
import type { Course, PageRefs } from '../../src/content/types.ts';
import { fill, placeholdersOf, PROSE, proseKeys, wordsAt, UI_KEYS, type Template } from '../../src/content/ui.ts';

type Node = DefaultTreeAdapterMap['node'];
const M = PHRASE_SEPARATOR;
/** the text as written: without its marks, and with 等's no-break space a space again */
const asWritten = (text: string) => text.replaceAll(M, '').replaceAll(`${NO_BREAK_SPACE}等`, ' 等').replaceAll('&nbsp;等', ' 等');

/** the tree as tag/attribute/text tuples, the text as written (asWritten): what must not change */
function shape(html: string): unknown {
  const walk = (node: Node): unknown =>
    node.nodeName === '#text'
      ? asWritten((node as DefaultTreeAdapterMap['textNode']).value)
      : ['tagName' in node ? node.tagName : node.nodeName, 'attrs' in node ? node.attrs : [], ...('childNodes' in node ? node.childNodes.map(walk) : [])];
  // adjacent text nodes merge when parsed, so compare what a parser makes of each
  return walk(parseFragment(html) as Node);
}

/** every HTML string of the course, with where it is */
function htmlOf(course: Course): Array<[string, string]> {
  return [
    ...course.pages.flatMap((p) =>
      p.blocks.flatMap((b, i): Array<[string, string]> =>
        b.type === 'html' || b.type === 'details'
          ? [[`${p.id}.blocks[${i}]`, b.html]]
          : b.type === 'tabs'
            ? b.tabs.map((t, j) => [`${p.id}.blocks[${i}].tabs[${j}]`, t.html])
            : b.type === 'cards'
              ? b.cards.map((c, j) => [`${p.id}.blocks[${i}].cards[${j}]`, c.html])
              : [],
      ),
    ),
    ...course.stories.flatMap((s): Array<[string, string]> => (s.intro ? [[`${s.id}.intro`, s.intro]] : [])),
    ...course.quizzes.flatMap((q): Array<[string, string]> => [
      [`${q.id}.scenario`, q.scenario],
      [`${q.id}.explanation`, q.explanation],
      ...q.choices.flatMap((c): Array<[string, string]> => (c.commentary ? [[`${q.id}.${c.id}.commentary`, c.commentary]] : [])),
    ]),
  ];
}

/** every prose string the page shows as text */
function proseOf(course: Course): Array<[string, string]> {
  return [
    ['meta.description', course.meta.description],
    ...course.meta.goals.map((g, i): [string, string] => [`meta.goals[${i}]`, g]),
    ...course.sections.map((s): [string, string] => [`${s.id}.description`, s.description]),
    ...course.stories.map((s): [string, string] => [`${s.id}.summary`, s.summary]),
    ...course.quizzes.flatMap((q): Array<[string, string]> => [[`${q.id}.question`, q.question], ...q.choices.map((c): [string, string] => [`${q.id}.${c.id}`, c.text])]),
    ...course.checklist.map((c): [string, string] => [c.id, c.text]),
    ...course.checklistLevels.map((l): [string, string] => [`level ${l.rank}`, l.advice]),
    ...course.pages.flatMap((p) => refsOf(`${p.id}.refs`, p.refs)),
    ...Object.entries(course.checklistRefs).flatMap(([area, refs]) => refsOf(`checklist ${area}.refs`, refs)),
  ];
}

const refsOf = (where: string, refs: PageRefs | undefined): Array<[string, string]> =>
  refs ? [...refs.selfCheck, ...refs.criteria, ...(refs.related ?? [])].map((r, i): [string, string] => [`${where}[${i}]`, r]) : [];

describe('phrasesOf', () => {
  it('keeps words BudouX cuts after one character whole', () => {
    expect(phrasesOf('自動車部品を製造する中小企業')).toEqual(['自動車部品を', '製造する', '中小企業']);
    // a company name is one phrase, so it is not split at all
    expect(phrasesOf('B自動車')).toBeUndefined();
  });

  it('keeps a word of the dictionary whole where BudouX cuts it between two hiragana or at the seam of a compound verb', () => {
    // BudouX: 技術等情報を | 洗い | 出し、 | 管理対象情報と | して | 特定している。
    expect(phrasesOf('技術等情報を洗い出し、管理対象情報として特定している。')).toEqual(['技術等情報を', '洗い出し、', '管理対象情報として', '特定している。']);
    // BudouX: 部品の | 調達先を | 切り | 替えるとの | …
    expect(phrasesOf('部品の調達先を切り替えるとの連絡が来ました。')).toEqual(['部品の', '調達先を', '切り替えるとの', '連絡が', '来ました。']);
    // BudouX: 対策が | 部分的にと | どまっています。 and 推測されに | くい
    expect(phrasesOf('対策が部分的にとどまっています。')).toEqual(['対策が', '部分的にとどまっています。']);
    expect(phrasesOf('推測されにくいものとする')).toEqual(['推測されにくい', 'ものとする']);
    // cuts before a kanji of a word of its own stay: 「重大な｜影響を」「に｜関する」
    expect(phrasesOf('重大な影響を与える')).toEqual(['重大な', '影響を', '与える']);
    expect(phrasesOf('情報管理に関する社内規程')).toEqual(['情報管理に', '関する', '社内規程']);
  });

  it('cuts a long phrase that opens with a bracket after the bracket closes, not inside it', () => {
    // the phrase was cut 「「チェック｜リスト形式」・」 and 「（合格｜基準 {passMark}点） ・」
    expect(phrasesOf('対策状況を「チェックリスト形式」・「クイズ形式」で確認できます。')).toEqual(['対策状況を', '「チェックリスト形式」・', '「クイズ形式」で', '確認できます。']);
    expect(markedTemplate('現在の得点：{score}点（合格基準 {passMark}点） ・ {toPass}').split(PHRASE_SEPARATOR)).toEqual(['現在の', '得点：{score}点', `（合格基準 {passMark}点）${NO_BREAK_SPACE}・`, ' {toPass}']);
    // a bracket later in the phrase is still cut before
    expect(markedTemplate('{story}（解答中 {answered}/{total}問）').split(PHRASE_SEPARATOR)).toEqual(['{story}', '（解答中 {answered}/{total}問）']);
  });

  it('keeps a word the dictionary does not know whole where BudouX cuts it into hiragana, and still cuts after a particle or before a prefix', () => {
    // BudouX: 自社には | 当ては | まらない (the checklist's answer)
    expect(phrasesOf('自社には当てはまらない')).toEqual(['自社には', '当てはまらない']);
    // BudouX: 標識を | 着用して | もらっている。
    expect(phrasesOf('標識を着用してもらっている。')).toEqual(['標識を', '着用してもらっている。']);
    expect(phrasesOf('私はまだ読んでいません。')).toEqual(['私は', 'まだ', '読んでいません。']);
    expect(phrasesOf('理解したいときにご参照ください。')).toEqual(['理解したい', 'ときに', 'ご参照ください。']);
  });

  it('cuts a phrase longer than ten characters again, before a word of its own or after が or を, never before a suffix', () => {
    expect(phrasesOf('その情報が守るべき情報であることがわかるように')).toEqual(['その', '情報が', '守るべき', '情報であることが', 'わかるように']);
    expect(phrasesOf('この研修を終えると、次のことができるようになります。')).toEqual(['この', '研修を', '終えると、', '次の', 'ことが', 'できるようになります。']);
    // a が inside a phrase of ten characters or fewer is left alone
    expect(phrasesOf('見ることができる')).toBeUndefined();
    // 等 and 的 stay with the word before them
    expect(phrasesOf('人的物理的アクセス制限')).toEqual(['人的物理的', 'アクセス制限']);
    expect(phrasesOf('監査ガイドライン等技術等情報管理に')).toEqual(['監査ガイドライン等', '技術等情報管理に']);
  });

  it('puts an opening bracket with what follows it and a closing one with what precedes it', () => {
    expect(phrasesOf('具体的な対策実施（その他（敷地全体の保護））')).toEqual(['具体的な', '対策実施', '（その他', '（敷地全体の', '保護））']);
    expect(phrasesOf('【関連する項目（本研修による対応付け）】')).toEqual(['【関連する', '項目', '（本研修による', '対応付け）】']);
    // a phrase BudouX starts with punctuation hands it to the one before (Safari's engine breaks at every <wbr>)
    expect(phrasesOf('次のセクションへ：参考情報')).toEqual(['次の', 'セクションへ：', '参考情報']);
  });

  it('starts no phrase of the page with closing punctuation and ends none with an opening bracket', () => {
    const page = JSON.stringify(withPhraseMarks(compileContent('content')));
    const closing = /[）」』】〕］｝〉》、。，．・：；！？]/u;
    const opening = /[（「『【〔［｛〈《]/u;
    const boundaries = [...page.matchAll(new RegExp(M, 'g'))].map((m) => [page[m.index - 1], page[m.index + 1]]);
    expect(boundaries.length).toBeGreaterThan(3500);
    expect(boundaries.filter(([, after]) => closing.test(after)).map((b) => b.join(M))).toEqual([]);
    expect(boundaries.filter(([before]) => opening.test(before)).map((b) => b.join(M))).toEqual([]);
  });

  it('leaves no phrase of one character in any label of the course, and loses no character', () => {
    const course = compileContent('content');
    expect(course.phrases.length).toBeGreaterThan(100);
    for (const entry of course.phrases) {
      const parts = entry.split(PHRASE_SEPARATOR);
      expect(parts.length, entry).toBeGreaterThan(1);
      for (const part of parts) expect([...part].length, `${parts.join(' | ')}`).toBeGreaterThan(1);
    }
    const text = 'クイズ3-10　具体的な対策実施（その他（敷地全体の保護））';
    expect(phrasesOf(text)!.join('')).toBe(text);
  });
});

describe('phraseHtml', () => {
  it('marks phrase boundaries in the text, across inline elements, and nowhere else', () => {
    expect(phraseHtml('<p>この方法では、<strong>秘密情報</strong>を守ることができません。</p>')).toBe(
      `<p>この${M}方法では、<strong>${M}秘密情報</strong>を${M}守る${M}ことができません。</p>`,
    );
    // a line break ends a run of text; attributes keep their words whole
    expect(phraseHtml('<ul>\n<li>保管の<br>ルールを<a href="#/p/m_access">決める</a>こと</li>\n</ul>')).toBe(
      `<ul>\n<li>保管の<br>ルールを<a href="#/p/m_access">${M}決める</a>${M}こと</li>\n</ul>`,
    );
    expect(phraseHtml('<table><tbody><tr><td data-label="区分の名前">自社で管理する</td></tr></tbody></table>')).toBe(
      `<table><tbody><tr><td data-label="区分の名前">自社で${M}管理する</td></tr></tbody></table>`,
    );
  });

  it('holds a 等 the source sets off by a space to the word before it, and no other space', () => {
    const held = phraseHtml('<ul><li>標識の着用 等</li><li>鍵番号の変更 等）</li><li>A 等級と B 社</li></ul>');
    // (an HTML serializer writes the no-break space as &nbsp;)
    expect(held.replaceAll(M, '')).toBe('<ul><li>標識の着用&nbsp;等</li><li>鍵番号の変更&nbsp;等）</li><li>A 等級と B 社</li></ul>');
    // every such 等 in the course's pages: the three in the measures, the three in the stronger measures
    const page = withPhraseMarks(compileContent('content'));
    const html = htmlOf(page).map(([, h]) => h).join('');
    expect(html.match(/&nbsp;等/g)).toHaveLength(5);
    expect(html).not.toMatch(/ 等(?![\p{L}\p{N}])/u);
    // and the card title that ends so, with its entry in the labels' phrase table
    const card = page.pages.find((p) => p.id === 'm_training')!.blocks.flatMap((b) => (b.type === 'cards' ? b.cards : [])).find((c) => c.title.endsWith('等'))!;
    expect(card.title).toBe('情報漏えい等が発生したときの報告ルール\u00a0等');
    expect(page.phrases.map((entry) => entry.replaceAll(M, ''))).toContain(card.title);
  });
});

describe('the course as the page gets it (withPhraseMarks)', () => {
  const course = compileContent('content');
  const marked = withPhraseMarks(course);

  it('changes no element, attribute or character of any HTML, only adds marks to its text (and holds 等 to its word)', () => {
    const before = new Map(htmlOf(course));
    const after = htmlOf(marked);
    expect(after.length).toBe(before.size);
    let marks = 0;
    for (const [where, html] of after) {
      expect(shape(html), where).toEqual(shape(before.get(where)!));
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag, where).not.toContain(M);
      marks += html.split(M).length - 1;
    }
    expect(marks).toBeGreaterThan(2000);
  });

  it('marks every prose string of more than one phrase, loses no character, and leaves the compiled course unmarked', () => {
    const before = new Map(proseOf(course));
    for (const [where, text] of proseOf(marked)) {
      const plain = before.get(where)!;
      expect(plain, where).not.toContain(M);
      expect(asWritten(text), where).toBe(plain);
      if (phrasesOf(plain)) expect(text, where).toContain(M);
    }
    // (the labels' phrase table is the one place the compiled course holds marks)
    expect(JSON.stringify({ ...course, phrases: [] }).includes(M)).toBe(false);
  });
});

describe("the interface's running text (PROSE)", () => {
  const course = compileContent('content');
  const marked = withPhraseMarks(course);
  const prose = proseKeys();
  const words = (c: Course, group: string, key: string) => wordsAt(c.ui, [group, key]);
  // a space before closing punctuation is held (a no-break space), as 等's is
  const written = (text: string) => text.replaceAll(M, '').replaceAll(NO_BREAK_SPACE, ' ');

  it('reaches the page marked between its phrases, every character and {placeholder} kept; labels reach it as written', () => {
    expect(prose.length).toBeGreaterThan(40);
    for (const [group, key] of prose) {
      const text = words(marked, group, key);
      const plain = words(course, group, key);
      expect(plain, `${group}.${key}`).not.toContain(M);
      expect(written(text), `${group}.${key}`).toBe(plain);
      expect(placeholdersOf(text), `${group}.${key}`).toEqual(placeholdersOf(plain));
      if (plain.length > 12) expect(text, `${group}.${key}`).toContain(M);
    }
    for (const [group, keys] of Object.entries(UI_KEYS))
      for (const key of Object.keys(keys)) if (!prose.some(([g, k]) => g === group && k === key)) expect(words(marked, group, key), `${group}.${key}`).toBe(words(course, group, key));
  });

  it('is every notice but the close button: a notice is always a sentence', () => {
    expect([...PROSE.notices].sort()).toEqual(Object.keys(UI_KEYS.notices).filter((k) => k !== 'close').sort());
  });

  it('keeps a number with its counter word and no line starts with closing punctuation or ends with an opening bracket, once filled', () => {
    const note = markedTemplate('本文を読む時間とクイズ{quizzes}問を解く時間の目安です。') as Template<'quizzes'>;
    expect(fill(note, { quizzes: 19 }).split(M)).toContain('クイズ19問を');
    const score = markedTemplate('現在の得点：{score}点（合格基準 {passMark}点） ・ {toPass}') as Template<'score' | 'passMark' | 'toPass'>;
    const parts = fill(score, { score: 10, passMark: 80, toPass: '合格まであと14問' }).split(M);
    expect(parts.join('')).toBe(`現在の得点：10点（合格基準 80点）${NO_BREAK_SPACE}・ 合格まであと14問`);
    for (const [group, key] of prose) {
      const [first, ...rest] = words(marked, group, key).split(M);
      for (const part of rest) expect(part, `${group}.${key}: ${part}`).not.toMatch(/^[ \u00a0]*[）」』】〕］｝〉》、。，．・：；！？]/u);
      for (const part of [first, ...rest].slice(0, -1)) expect(part, `${group}.${key}: ${part}`).not.toMatch(/[（「『【〔［｛〈《]$/u);
    }
  });
});
