import { describe, expect, it } from 'vitest';
import { distinctTerms } from './analyze.js';
import { MAX_QUERY_WORDS, parseQuery, type Vocabulary } from './query.js';
import { buildTypoIndex } from './typo.js';
import { writtenWords } from './postings.js';

const STORED = {
  title: 'Layanan Kependudukan Keliling di Desa',
  acronym: 'SIDUDUK',
  answers: 'Petugas Disdukcapil Kab. Tangerang datang ke desa untuk perekaman e-KTP.',
};

const vocabulary = (): Vocabulary => {
  const terms = new Set([STORED.title, STORED.acronym, STORED.answers].flatMap(distinctTerms));
  return { hasTerm: (t) => terms.has(t), words: buildTypoIndex(writtenWords(STORED)) };
};

describe('parseQuery', () => {
  it('gives the analyzed terms of the query, each once', () => {
    expect(parseQuery('pelayanan kependudukan desa').terms).toEqual(['layan', 'duduk', 'desa']);
    expect(parseQuery('layanan layanan melayani').terms).toEqual(['layan']);
  });

  it('reads a typo as the written word it was meant for: "kependudkan" finds "kependudukan"', () => {
    const query = parseQuery('layanan kependudkan', vocabulary());
    expect(query.words).toEqual([
      { word: 'layanan', correctedTo: [] },
      { word: 'kependudkan', correctedTo: ['kependudukan'] },
    ]);
    expect(query.terms).toContain('duduk');
  });

  it('does not correct a word whose term is stored, nor anything without a vocabulary', () => {
    expect(parseQuery('penduduk', vocabulary()).words).toEqual([{ word: 'penduduk', correctedTo: [] }]);
    expect(parseQuery('kependudkan').words).toEqual([{ word: 'kependudkan', correctedTo: [] }]);
  });

  it('bounds a query of any size, and gives nothing for stop words or symbols only', () => {
    const huge = 'desa kota '.repeat(100_000);
    const started = performance.now();
    const query = parseQuery(huge, vocabulary());
    expect(performance.now() - started).toBeLessThan(200);
    expect(query.words).toHaveLength(MAX_QUERY_WORDS);
    expect(parseQuery('yang dan di').terms).toEqual([]);
    expect(parseQuery('%%% 😀 <script>').terms).toEqual(['script']);
  });
});
