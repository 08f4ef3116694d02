// Phrase boundaries for Japanese line breaking: BudouX's cuts, with its
// one-character slips mended, and nothing of the text lost or reordered.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { PHRASE_SEPARATOR, phrasesOf } from '../../scripts/content/phrases.ts';

describe('phrasesOf', () => {
  it('keeps words BudouX cuts after one character whole', () => {
    expect(phrasesOf('自動車部品を製造する中小企業')).toEqual(['自動車部品を', '製造する', '中小企業']);
    // a company name is one phrase, so it is not split at all
    expect(phrasesOf('B自動車')).toBeUndefined();
  });

  it('puts an opening bracket with what follows it and a closing one with what precedes it', () => {
    expect(phrasesOf('具体的な対策実施（その他（敷地全体の保護））')).toEqual(['具体的な', '対策実施', '（その他', '（敷地全体の', '保護））']);
    expect(phrasesOf('【関連する項目（本研修による対応付け）】')).toEqual(['【関連する', '項目', '（本研修に', 'よる', '対応付け）】']);
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
