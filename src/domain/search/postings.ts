/*
 * What the store writes for one innovation: per field, its length in terms and the frequency of each
 * term (the postings rows: term, document, field, tf), and the written words for the typo vocabulary.
 * The same for SQLite and PostgreSQL: the app computes them, the database keeps integers.
 */
import { analyze } from './analyze.js';
import { FIELDS, type Field, type FieldTexts } from './fields.js';
import type { CorpusStats, DocumentKey, DocumentStats } from './rank.js';
import { tokenize } from './tokenize.js';

export interface Posting {
  readonly term: string;
  readonly field: Field;
  readonly tf: number;
}

export interface IndexedDocument {
  /** Terms per field (a term counted at each occurrence). */
  readonly lengths: Readonly<Record<Field, number>>;
  /** One row per term and field, in the order the terms first occur, by field. */
  readonly postings: readonly Posting[];
}

/** The postings and field lengths of a document (the answers given as one text, joined by the caller). */
export function indexDocument(fields: FieldTexts): IndexedDocument {
  const postings: Posting[] = [];
  const lengths = { title: 0, acronym: 0, answers: 0 };
  for (const field of FIELDS) {
    const terms = analyze(fields[field]);
    lengths[field] = terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) postings.push({ term, field, tf });
  }
  return { lengths, postings };
}

/** The distinct written words of a document (for the typo vocabulary, typo.ts). */
export function writtenWords(fields: FieldTexts): string[] {
  const words = new Set<string>();
  for (const field of FIELDS) for (const { word } of tokenize(fields[field])) words.add(word);
  return [...words];
}

/** A postings row as the store reads it back for a query's terms. */
export interface PostingRow extends Posting {
  readonly key: DocumentKey;
}

/**
 * The inputs of rank.ts from what the store read: the postings rows of the query's terms, the lengths of
 * the documents they name, and the corpus counts. Rows may come in any order.
 */
export function gather(
  rows: readonly PostingRow[],
  lengths: ReadonlyMap<DocumentKey, Readonly<Record<Field, number>>>,
  corpus: { documents: number; totalLengths: Readonly<Record<Field, number>> },
): { corpus: CorpusStats; documents: DocumentStats[] } {
  const byKey = new Map<DocumentKey, Map<string, Partial<Record<Field, number>>>>();
  const holders = new Map<string, Set<DocumentKey>>();
  for (const row of rows) {
    const frequencies = byKey.get(row.key) ?? new Map<string, Partial<Record<Field, number>>>();
    byKey.set(row.key, frequencies);
    frequencies.set(row.term, { ...frequencies.get(row.term), [row.field]: row.tf });
    const keys = holders.get(row.term) ?? new Set<DocumentKey>();
    holders.set(row.term, keys.add(row.key));
  }
  const documentFrequency = new Map([...holders].map(([term, keys]) => [term, keys.size] as const));
  const documents = [...byKey].map(([key, frequencies]) => ({
    key,
    lengths: lengths.get(key) ?? { title: 0, acronym: 0, answers: 0 },
    frequencies,
  }));
  return { corpus: { ...corpus, documentFrequency }, documents };
}
