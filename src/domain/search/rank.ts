/*
 * The relevance of documents to a query: BM25F over the fields title, acronym and answers, computed in the
 * app from integers the store keeps (term frequencies per field, field lengths, document counts), so the
 * order is the same whichever database stored them. Each field's frequency is normalized by its length
 * against that field's average, weighed (title > acronym > answers), summed, then saturated once per
 * term (k1) and multiplied by the term's IDF. Ties are broken by the document's key, ascending, so equal
 * scores always come out in the same order. Pure; the arithmetic runs in a fixed order (query terms as
 * given, fields as listed), so equal inputs give bit-identical scores.
 */
import { FIELDS, type Field } from './fields.js';

export const K1 = 1.2;
export const B = 0.75;
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = { title: 3, acronym: 2, answers: 1 };

export type DocumentKey = string | number;

export interface CorpusStats {
  /** Documents in the index. */
  readonly documents: number;
  /** The sum of each field's length over all documents. */
  readonly totalLengths: Readonly<Record<Field, number>>;
  /** For each query term, the documents that contain it in any field. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

export interface DocumentStats {
  readonly key: DocumentKey;
  readonly lengths: Readonly<Record<Field, number>>;
  /** Term → its frequency in each field (absent = 0). */
  readonly frequencies: ReadonlyMap<string, Readonly<Partial<Record<Field, number>>>>;
}

export interface Ranked {
  readonly key: DocumentKey;
  readonly score: number;
  /** The query terms the document contains, in query order. */
  readonly matched: readonly string[];
}

/** The inverse document frequency (BM25's, never negative). */
export function idf(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/** The documents that contain a query term, best first; ties by key. */
export function rank(
  terms: readonly string[],
  corpus: CorpusStats,
  documents: readonly DocumentStats[],
): Ranked[] {
  const queryTerms = [...new Set(terms)];
  const averages = FIELDS.map((f) => (corpus.documents > 0 ? corpus.totalLengths[f] / corpus.documents : 0));
  const out: Ranked[] = [];
  for (const doc of documents) {
    let score = 0;
    const matched: string[] = [];
    for (const term of queryTerms) {
      const tfs = doc.frequencies.get(term);
      if (!tfs) continue;
      let weighted = 0;
      FIELDS.forEach((field, i) => {
        const tf = tfs[field] ?? 0;
        if (tf <= 0) return;
        const average = averages[i] ?? 0;
        const norm = average > 0 ? 1 - B + (B * doc.lengths[field]) / average : 1;
        weighted += (FIELD_WEIGHTS[field] * tf) / norm;
      });
      if (weighted <= 0) continue;
      const df = corpus.documentFrequency.get(term) ?? 1;
      score += (idf(corpus.documents, df) * (weighted * (K1 + 1))) / (K1 + weighted);
      matched.push(term);
    }
    if (matched.length) out.push({ key: doc.key, score, matched });
  }
  return out.sort((a, b) => b.score - a.score || compareKeys(a.key, b.key));
}

/** Numbers by value, strings by code unit (not by locale: the same on every machine), numbers first. */
export function compareKeys(a: DocumentKey, b: DocumentKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
