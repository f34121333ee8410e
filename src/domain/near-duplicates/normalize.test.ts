import { describe, expect, it } from 'vitest';
import { fold, normalizedText, tokenize } from './normalize.js';

describe('text → words', () => {
  it('folds case, diacritics, full-width forms and ligatures; punctuation separates words', () => {
    expect(normalizedText('Sí-JEMPOL: “Jemput Bola”!')).toBe('si jempol jemput bola');
    expect(normalizedText('Ｐｅｌａｙａｎａｎ ﬁsik café')).toBe('pelayanan fisik cafe');
    expect(normalizedText('anak-anak, 2.0; Jum’at')).toBe('anak anak 2 0 jum at');
    expect(fold('İstanbul')).toEqual(['istanbul']);
  });

  it('keeps each word’s offsets in the original text, also for folded words', () => {
    const text = '  Kantor  DÉSA (Ｐｅｌａｙａｎａｎ) ';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['kantor', 'desa', 'pelayanan']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Kantor', 'DÉSA', 'Ｐｅｌａｙａｎａｎ']);
  });

  it('a decomposed accent stays inside its word', () => {
    const text = 'Cafe\u0301 desa';
    expect(tokenize(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
      ['cafe', 'Cafe\u0301'],
      ['desa', 'desa'],
    ]);
  });

  it('empty and punctuation-only texts have no words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' — ... !!! ')).toEqual([]);
    expect(normalizedText('')).toBe('');
  });
});
