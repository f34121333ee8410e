import { describe, expect, it } from 'vitest';
import { CORPUS, EXPECTED_ORDERS } from './corpus.fixtures.js';
import type { Field, FieldTexts } from './fields.js';
import { gather, indexDocument, type PostingRow } from './postings.js';
import { parseQuery } from './query.js';
import { compareKeys, idf, rank, type DocumentKey } from './rank.js';

/** What a store would hold and read back: the postings rows, the lengths, the corpus counts. */
function store(corpus: Readonly<Record<string, FieldTexts>>) {
  const rows: PostingRow[] = [];
  const lengths = new Map<DocumentKey, Record<Field, number>>();
  const totalLengths = { title: 0, acronym: 0, answers: 0 };
  for (const [key, fields] of Object.entries(corpus)) {
    const doc = indexDocument(fields);
    lengths.set(key, { ...doc.lengths });
    for (const f of ['title', 'acronym', 'answers'] as const) totalLengths[f] += doc.lengths[f];
    for (const p of doc.postings) rows.push({ key, ...p });
  }
  return { rows, lengths, corpus: { documents: Object.keys(corpus).length, totalLengths } };
}

function search(query: string, shuffle: (rows: PostingRow[]) => PostingRow[] = (r) => r) {
  const s = store(CORPUS);
  const { terms } = parseQuery(query);
  const rows = shuffle(s.rows.filter((r) => terms.includes(r.term)));
  const { corpus, documents } = gather(rows, s.lengths, s.corpus);
  return rank(terms, corpus, documents);
}

describe('BM25F ranking', () => {
  it('orders the six innovations for "pelayanan kependudukan desa" exactly', () => {
    // inv-1: all three in the title. inv-3: "desa" in the title and three times in the answers, "pelayanan"
    // in the answers. inv-2: "pelayanan" in the title, "kependudukan" in long answers. inv-4: "Posyandu"
    // (pos pelayanan terpadu) in the title, "desa" in the answers. inv-6: "penduduk" in the acronym only.
    // inv-5 has none of them.
    const ranked = search('pelayanan kependudukan desa');
    expect(ranked.map((r) => r.key)).toEqual(EXPECTED_ORDERS[0]?.[1]);
    expect(ranked.map((r) => r.matched)).toEqual([
      ['layan', 'duduk', 'desa'],
      ['layan', 'desa'],
      ['layan', 'duduk'],
      ['layan', 'desa'],
      ['duduk'],
    ]);
  });

  it.each(EXPECTED_ORDERS)('orders the corpus for "%s" exactly', (query, order) => {
    expect(search(query).map((r) => r.key)).toEqual(order);
  });

  it('gives the same scores, bit for bit, whatever order the database returns the rows in', () => {
    const plain = search('pelayanan kependudukan desa');
    const reversed = search('pelayanan kependudukan desa', (r) => [...r].reverse());
    const byTerm = search('pelayanan kependudukan desa', (r) =>
      [...r].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)),
    );
    expect(reversed).toEqual(plain);
    expect(byTerm).toEqual(plain);
  });

  it('weighs a term in the title above the same term in the answers', () => {
    const corpus = {
      documents: 2,
      totalLengths: { title: 4, acronym: 2, answers: 4 },
      documentFrequency: new Map([['desa', 2]]),
    };
    const lengths = { title: 2, acronym: 1, answers: 2 };
    const ranked = rank(['desa'], corpus, [
      { key: 'b-answers', lengths, frequencies: new Map([['desa', { answers: 1 }]]) },
      { key: 'a-title', lengths, frequencies: new Map([['desa', { title: 1 }]]) },
      { key: 'c-acronym', lengths, frequencies: new Map([['desa', { acronym: 1 }]]) },
    ]);
    expect(ranked.map((r) => r.key)).toEqual(['a-title', 'c-acronym', 'b-answers']);
  });

  it('breaks ties by the key, ascending, numbers by value', () => {
    const corpus = {
      documents: 3,
      totalLengths: { title: 3, acronym: 0, answers: 0 },
      documentFrequency: new Map([['desa', 3]]),
    };
    const doc = (key: DocumentKey) => ({
      key,
      lengths: { title: 1, acronym: 0, answers: 0 },
      frequencies: new Map([['desa', { title: 1 }]]),
    });
    expect(rank(['desa'], corpus, [doc(10), doc(9), doc(100)]).map((r) => r.key)).toEqual([9, 10, 100]);
    expect(rank(['desa'], corpus, [doc('b'), doc('B'), doc('a')]).map((r) => r.key)).toEqual(['B', 'a', 'b']);
    expect([compareKeys(1, 'a'), compareKeys('a', 1)]).toEqual([-1, 1]);
  });

  it('leaves out documents without any query term, and an empty query finds nothing', () => {
    expect(search('jembatan').map((r) => r.key)).toEqual([]);
    expect(search('yang dan').map((r) => r.key)).toEqual([]);
  });

  it("uses BM25's IDF: rarer terms weigh more, and it is never negative", () => {
    expect(idf(6, 1)).toBeGreaterThan(idf(6, 5));
    expect(idf(6, 6)).toBeGreaterThan(0);
  });
});
