// Japanese line breaking at phrase boundaries, decided at build time with
// BudouX (Apache-2.0): labels (headings, card titles, tabs, buttons) get a
// table of their phrases, the prose carries a mark at each boundary, and the
// views put a break opportunity (<wbr>) there only, so no line ends inside a
// word or with one stray character. The browser never loads BudouX's model.
import { loadDefaultJapaneseParser } from 'budoux';
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import type { Block, Course, PageRefs, Panel } from '../../src/content/types.ts';
import { PHRASE_SEPARATOR } from '../../src/content/phrases.ts';
import { proseKeys, wordsAt, type Ui } from '../../src/content/ui.ts';

const parser = loadDefaultJapaneseParser();

/** closing brackets, inside a character class */
const CLOSING_BRACKETS = '）」』】〕］｝〉》)\\]}';
/** closing brackets and punctuation: a line never starts with one */
const CLOSING_CHARACTER = `[${CLOSING_BRACKETS}、。，．・：；！？]`;
/** opening brackets: a line never ends with one */
const OPENING_CHARACTER = '[（「『【〔［｛〈《(\\[{]';

/** closing punctuation at a phrase's start */
const CLOSING = new RegExp(`^${CLOSING_CHARACTER}+`, 'u');

const OPENING = new RegExp(`^${OPENING_CHARACTER}`, 'u');

/** the same after spaces: 「（合格基準 80点）｜ ・ 合格まで」 would start a line with 「・」 in Safari's engine */
const LEADING_CLOSING = new RegExp(`^[ \u00a0]*${CLOSING_CHARACTER}+`, 'u');

/**
 * BudouX's model now and then cuts off one character: 「中｜小企業」,
 * 「B｜自動車」, 「その｜他」, a bracket on its own. Such a phrase joins the one
 * after it, or the one before when it closes something, comes last or stands
 * before a bracket, so a break can never leave it alone on a line.
 */
function withoutLoneCharacters(input: string[]): string[] {
  const parts = [...input];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    const next = parts[i + 1];
    // 「セクションへ｜：参考情報」: the punctuation goes with the phrase before it. Chromium
    // would not break before it anyway, but Safari's engine breaks at every <wbr>
    const leading = LEADING_CLOSING.exec(part)?.[0];
    if (leading && leading !== part && out.length > 0) {
      out[out.length - 1] += leading;
      part = part.slice(leading.length);
    }
    const closing = CLOSING.exec(part)?.[0] === part;
    if (!closing && [...part].length > 1) out.push(part);
    else if (out.length > 0 && (closing || next === undefined || (OPENING.test(next) && !OPENING.test(part)))) out[out.length - 1] += part;
    else if (next !== undefined) parts[i + 1] = part + next;
    else out.push(part);
  }
  return out;
}

/**
 * A phrase longer than this is split once more: BudouX sometimes keeps a whole
 * clause together (「守るべき情報であることがわかるように」), and a line that
 * cannot take it breaks early, leaving a wide gap at its end.
 */
const LONG_PHRASE = 10;

/** ICU's dictionary words (Node's full ICU), where a long phrase may be cut */
const words = new Intl.Segmenter('ja', { granularity: 'word' });

/** a word that can begin a phrase: two or more characters, the first a kanji, katakana or letter */
const CONTENT_WORD = /^[\p{Script=Han}\p{Script=Katakana}A-Za-z][^]/u;

/**
 * the case particles after which a clause goes on with a word of its own
 * (「ことが／できる」「情報であることが／わかるように」), whatever its script
 */
const CLAUSE_PARTICLE = new Set(['が', 'を']);

const CLOSING_BRACKET = new RegExp(`[${CLOSING_BRACKETS}]`, 'u');

/**
 * Where a phrase that opens with a bracket closes it: splitLong does not cut
 * before there. The phrase was long only with what follows the bracket
 * (「（合格基準 80点） ・」 had been cut 「（合格｜基準 80点） ・」). A bracket later in
 * the phrase may still be cut before (「{story}｜（解答中 …）」).
 */
function openingBracketEnd(phrase: string): number {
  if (!OPENING.test(phrase)) return 0;
  const close = phrase.slice(1).search(CLOSING_BRACKET);
  return close < 0 ? 0 : close + 1;
}

/**
 * A long phrase cut before a content word of its own or after が or を (never
 * before a particle or a one-kanji suffix such as 等 or 的), at the cut nearest
 * its middle, and again while a part is still long.
 */
function splitLong(phrase: string): string[] {
  if (phrase.length <= LONG_PHRASE) return [phrase];
  const segments = [...words.segment(phrase)];
  const bracketEnd = openingBracketEnd(phrase);
  const cuts = segments
    .filter((w, i) => w.index >= 2 && phrase.length - w.index >= 2 && w.index > bracketEnd && (CONTENT_WORD.test(w.segment) || CLAUSE_PARTICLE.has(segments[i - 1]?.segment)))
    .map((w) => w.index);
  if (cuts.length === 0) return [phrase];
  const middle = phrase.length / 2;
  const cut = cuts.reduce((best, c) => (Math.abs(c - middle) < Math.abs(best - middle) ? c : best));
  return [...splitLong(phrase.slice(0, cut)), ...splitLong(phrase.slice(cut))];
}

/**
 * Where a cut inside one of ICU's dictionary words is no place for a line to
 * end: between two hiragana of a word (「と｜して」「に｜ついて」「と｜どまって」),
 * or between a verb's okurigana and the kanji of the verb it joins in a word
 * that begins with a kanji (「洗い｜出し」「切り｜替える」). Its other cuts inside
 * a word stay: 「に｜関する」「もう｜一度」 break well.
 */
function isSeam(word: string, at: number): boolean {
  const pair = word.slice(at - 1, at + 1);
  return /^\p{Script=Hiragana}{2}$/u.test(pair) || (/^\p{Script=Han}/u.test(word) && /^\p{Script=Hiragana}\p{Script=Han}$/u.test(pair));
}

const ONE_HIRAGANA = /^\p{Script=Hiragana}$/u;
const STARTS_HIRAGANA = /^\p{Script=Hiragana}/u;

/**
 * BudouX's phrases with its cuts at a word's seams (isSeam) taken out, and its
 * cuts into a run of one-hiragana words that goes on in hiragana: ICU's
 * dictionary did not know the word there and spelt it out (「当て/は/ま/ら/ない」,
 * BudouX 「当ては｜まらない」), where a particle ends a phrase before a word it
 * knows (「私/は/まだ」) or a prefix (「ときに/ご/参照」).
 */
function withoutSeams(text: string, parts: string[]): string[] {
  const seams = new Set<number>();
  const segments = [...words.segment(text)];
  segments.forEach((w, n) => {
    if (w.isWordLike) for (let i = 1; i < w.segment.length; i++) if (isSeam(w.segment, i)) seams.add(w.index + i);
    if (ONE_HIRAGANA.test(segments[n - 1]?.segment ?? '') && ONE_HIRAGANA.test(w.segment) && STARTS_HIRAGANA.test(segments[n + 1]?.segment ?? '')) seams.add(w.index);
  });
  const out: string[] = [];
  let at = 0;
  for (const part of parts) {
    if (seams.has(at)) out[out.length - 1] += part;
    else out.push(part);
    at += part.length;
  }
  return out;
}

/**
 * The source sets 等 off by a space at the end of a list (「標識の着用 等」), and a
 * browser may break a line at any space: 等 then began a line on its own. That
 * space becomes a no-break space, so 等 stays with the word it follows.
 */
const SPACE_BEFORE_SUFFIX = / (?=等(?![\p{L}\p{N}]))/gu;
export const NO_BREAK_SPACE = '\u00a0';
const withSuffixHeld = (text: string): string => text.replace(SPACE_BEFORE_SUFFIX, NO_BREAK_SPACE);

/**
 * BudouX keeps a list joined by 「・」 as one phrase (「試作品・製造装置の」), too wide
 * for a narrow tab: Chromium breaks after the dot on its own, Safari's engine only
 * at a <wbr>, and otherwise inside a word. A phrase is cut after each such dot
 * between words of two characters or more.
 */
const afterListDots = (phrase: string): string[] => phrase.split(/(?<=[^・]{2}・)(?=[^・]{2})/u);

/** where each phrase after the first begins, counted in the text the phrases make (UTF-16 units) */
function cutsOf(parts: readonly string[]): number[] {
  let at = 0;
  return parts.slice(0, -1).map((part) => (at += part.length));
}

/** `text` split into phrases, or undefined when it is one phrase already. */
export function phrasesOf(text: string): string[] | undefined {
  const parts = withOpeningsHeld(withoutLoneCharacters(withoutSeams(text, parser.parse(text))).flatMap(splitLong).flatMap(afterListDots));
  return parts.length > 1 ? parts : undefined;
}

const TRAILING_OPENING = new RegExp(`${OPENING_CHARACTER}+$`, 'u');

/**
 * An opening bracket at a phrase's end goes to the start of the next one: a
 * one-character phrase joined to a bracket after it (「{story}（｜解答中」, the
 * placeholder read as one digit) would otherwise end a line with 「（」.
 */
function withOpeningsHeld(parts: string[]): string[] {
  const out = [...parts];
  for (let i = 0; i < out.length - 1; i++) {
    const opening = TRAILING_OPENING.exec(out[i])?.[0];
    if (!opening || opening === out[i]) continue;
    out[i] = out[i].slice(0, -opening.length);
    out[i + 1] = opening + out[i + 1];
  }
  return out.filter((part) => part !== '');
}

/** Every string given, phrased, for the views' lookup (see src/views/phrased.tsx). */
export function phraseTable(texts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const parts = phrasesOf(withSuffixHeld(text));
    if (parts) out.add(parts.join(PHRASE_SEPARATOR));
  }
  return [...out];
}

/** elements that continue a line of text rather than start a block of their own */
const INLINE = new Set(['a', 'strong', 'em', 'small', 'span', 'code', 's']);

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/**
 * The text nodes of each run of inline content under `parent`, in order: a run
 * ends at a block element or a <br>, and each block inside holds runs of its own.
 */
function runsIn(parent: ParentNode, runs: TextNode[][] = [], current: TextNode[] = []): TextNode[][] {
  const close = () => {
    if (current.some((t) => t.value.trim() !== '')) runs.push([...current]);
    current.length = 0;
  };
  const inline = (node: ParentNode) => 'tagName' in node && INLINE.has(node.tagName);
  for (const child of parent.childNodes) {
    if (child.nodeName === '#text') current.push(child as TextNode);
    else if ('tagName' in child && inline(child)) runsIn(child, runs, current);
    else if ('childNodes' in child) {
      close();
      runsIn(child, runs);
    } else close();
  }
  if (!inline(parent)) close();
  return runs;
}

/**
 * Rendered HTML with PHRASE_SEPARATOR at each phrase boundary of its text (and
 * 等 held to its word).
 * Phrases are found across the inline elements of a line (「<strong>秘密情報</strong>を守る」
 * is read as one text), so a boundary may fall where a tag begins; the mark
 * then opens the text after it.
 */
export function phraseHtml(html: string): string {
  const fragment = parseFragment(html);
  for (const run of runsIn(fragment)) {
    for (const text of run) text.value = withSuffixHeld(text.value);
    const parts = phrasesOf(run.map((t) => t.value).join(''));
    if (!parts) continue;
    const cuts = cutsOf(parts);
    let start = 0;
    for (const text of run) {
      const end = start + text.value.length;
      const value = text.value;
      const inside = cuts.filter((cut) => cut >= start && cut < end).map((cut) => cut - start);
      text.value = [...inside, value.length].map((to, i) => value.slice(i === 0 ? 0 : inside[i - 1], to)).join(PHRASE_SEPARATOR);
      start = end;
    }
  }
  return serialize(fragment);
}

/** `text` with PHRASE_SEPARATOR between its phrases */
function marked(text: string): string {
  const held = withSuffixHeld(text);
  return (phrasesOf(held) ?? [held]).join(PHRASE_SEPARATOR);
}

/** a space the interface sets before a middle dot or a closing bracket (「80点） ・ 合格まで」): no line may start after it */
const SPACE_BEFORE_CLOSING = new RegExp(` (?=${CLOSING_CHARACTER})`, 'gu');

/**
 * An interface template with PHRASE_SEPARATOR between its phrases: BudouX reads
 * each {placeholder} as one digit, since most hold a number
 * (「クイズ{quizzes}問を」 is one phrase, as 「クイズ19問を」), and the marks go back
 * into the template around it.
 */
export function markedTemplate(text: string): string {
  const pieces = withSuffixHeld(text).replace(SPACE_BEFORE_CLOSING, NO_BREAK_SPACE).split(/(\{\w+\})/);
  const parts = phrasesOf(pieces.map((piece, i) => (i % 2 === 1 ? '1' : piece)).join(''));
  if (!parts) return pieces.join('');
  const cuts = new Set(cutsOf(parts));
  // counted in UTF-16 units, as the cuts are; a placeholder is one
  let read = 0;
  const mark = () => (cuts.has(read++) ? PHRASE_SEPARATOR : '');
  return pieces.map((piece, i) => (i % 2 === 1 ? mark() + piece : piece.split('').map((c) => mark() + c).join(''))).join('');
}

/** the interface's running text (PROSE) marked, its labels as they are */
function markedUi(ui: Ui): Ui {
  const out = structuredClone(ui) as unknown as Record<string, Record<string, string>>;
  for (const at of proseKeys()) out[at[0]][at[1]] = markedTemplate(wordsAt(ui, at));
  return out as unknown as Ui;
}

const markedRefs = (refs: PageRefs): PageRefs => ({
  selfCheck: refs.selfCheck.map(marked),
  criteria: refs.criteria.map(marked),
  ...(refs.related ? { related: refs.related.map(marked) } : {}),
});

// a panel's title and a summary are labels, looked up in the phrase table (held as it is)
const markedPanel = (panel: Panel): Panel => ({ ...panel, title: withSuffixHeld(panel.title), html: phraseHtml(panel.html) });

function markedBlock(block: Block): Block {
  switch (block.type) {
    case 'html':
      return { ...block, html: phraseHtml(block.html) };
    case 'details':
      return { ...block, summary: withSuffixHeld(block.summary), html: phraseHtml(block.html) };
    case 'tabs':
      return { ...block, tabs: block.tabs.map(markedPanel) };
    case 'cards':
      return { ...block, cards: block.cards.map(markedPanel) };
    default:
      return block;
  }
}

/**
 * The course as the page gets it: its prose strings (questions, choices,
 * checklist statements, leads, goals, advice, the references to the source's
 * criteria, the interface's running text) with their phrases marked. The
 * compiled course stays unmarked for the scripts that write files HR reads.
 */
export function withPhraseMarks(course: Course): Course {
  const { meta, sections, pages, stories, quizzes, checklist, checklistLevels, checklistRefs, ui } = course;
  return {
    ...course,
    meta: { ...meta, description: marked(meta.description), goals: meta.goals.map(marked) },
    sections: sections.map((s) => ({ ...s, description: marked(s.description) })),
    pages: pages.map((page) => ({ ...page, blocks: page.blocks.map(markedBlock), ...(page.refs ? { refs: markedRefs(page.refs) } : {}) })),
    stories: stories.map((s) => ({ ...s, summary: marked(s.summary), ...(s.intro ? { intro: phraseHtml(s.intro) } : {}) })),
    quizzes: quizzes.map((q) => ({
      ...q,
      scenario: phraseHtml(q.scenario),
      question: marked(q.question),
      choices: q.choices.map((c) => ({ ...c, text: marked(c.text), ...(c.commentary ? { commentary: phraseHtml(c.commentary) } : {}) })),
      explanation: phraseHtml(q.explanation),
    })),
    checklist: checklist.map((item) => ({ ...item, text: marked(item.text) })),
    checklistLevels: checklistLevels.map((level) => ({ ...level, advice: marked(level.advice) })),
    checklistRefs: Object.fromEntries(Object.entries(checklistRefs).map(([area, refs]) => [area, markedRefs(refs)])),
    ui: markedUi(ui),
  };
}
