import type { Db } from '../../db/connect.js';
import { perDatabase } from '../../db/per-database.js';
import type { GalleryEntryRow } from '../../db/schema.js';
import { compareKeys, rank, type DocumentKey } from '../../domain/search/rank.js';
import { gather, type PostingRow } from '../../domain/search/postings.js';
import { parseQuery, type QueryWord } from '../../domain/search/query.js';
import { snippet, type Segment } from '../../domain/search/snippet.js';
import { buildTypoIndex, type TypoIndex } from '../../domain/search/typo.js';
import type { Field } from '../../domain/search/fields.js';
import {
  corpusOf,
  documentFrequencies,
  entriesByIds,
  listEntries,
  postingsFor,
  writtenWordsOf,
  type GalleryFilter,
} from './queries.js';

/*
 * The gallery's list and search on the store (issue 14), with the search core doing every decision
 * (domain/search, analyze.ts's note): the query is parsed with typos read against the written words, the
 * postings of its terms are read with one WHERE term IN (…) inside the filters, ranked by BM25F over the
 * whole index's counts (so a filter never changes a score), and the page's snippets are cut from the
 * stored texts. The typo vocabulary is kept per database until the index changes (its stamp moves).
 */

export type GallerySort = 'relevance' | 'year' | 'award';

export interface GalleryHit {
  readonly row: GalleryEntryRow;
  readonly snippet: Segment[] | null;
}

export interface GalleryPage {
  readonly hits: GalleryHit[];
  readonly total: number;
  readonly sort: GallerySort;
  readonly corrections: QueryWord[];
}

const vocabularyOf = perDatabase(() => ({ stamp: '', words: null as Promise<TypoIndex> | null }));

/** Drops the kept vocabulary (after an indexing committed; the stamp would also see most changes). */
export function forgetVocabulary(db: Db): void {
  vocabularyOf(db).words = null;
}

async function typoIndex(db: Db, stamp: string): Promise<TypoIndex> {
  const kept = vocabularyOf(db);
  if (kept.words && kept.stamp === stamp) return kept.words;
  const words = writtenWordsOf(db).then(buildTypoIndex);
  kept.stamp = stamp;
  kept.words = words;
  words.catch(() => {
    if (kept.words === words) kept.words = null;
  });
  return words;
}

export async function searchGallery(
  db: Db,
  input: {
    q: string | undefined;
    filter: GalleryFilter;
    sort: GallerySort | undefined;
    page: number;
    pageSize: number;
  },
): Promise<GalleryPage> {
  const offset = (input.page - 1) * input.pageSize;
  const q = input.q?.trim() ?? '';
  if (!q) {
    const sort = input.sort === 'award' ? 'award' : 'year';
    const { rows, total } = await listEntries(db, input.filter, sort, { offset, limit: input.pageSize });
    return {
      hits: rows.map((row) => ({ row, snippet: null })),
      total,
      // Without a query there is no relevance: the order used is the one reported.
      sort,
      corrections: [],
    };
  }
  const sort = input.sort ?? 'relevance';
  const corpus = await corpusOf(db);
  const plain = parseQuery(q);
  const known = await documentFrequencies(db, plain.terms);
  const words = await typoIndex(db, corpus.stamp);
  const query = parseQuery(q, { hasTerm: (term) => known.has(term), words });
  const corrections = query.words.filter((w) => w.correctedTo.length > 0);
  if (!query.terms.length) return { hits: [], total: 0, sort, corrections };

  const [frequencies, rows] = await Promise.all([
    documentFrequencies(db, query.terms),
    postingsFor(db, query.terms, input.filter),
  ]);
  const lengths = new Map<DocumentKey, Record<Field, number>>();
  const keys = new Map<number, { year: number; awardRank: number }>();
  const postings: PostingRow[] = rows.map((r) => {
    lengths.set(r.id, {
      title: Number(r.title_length),
      acronym: Number(r.acronym_length),
      answers: Number(r.answers_length),
    });
    keys.set(r.id, { year: Number(r.year), awardRank: Number(r.award_rank) });
    return { key: r.id, term: r.term, field: r.field, tf: r.tf };
  });
  const gathered = gather(postings, lengths, corpus);
  const ranked = rank(
    query.terms,
    { ...gathered.corpus, documentFrequency: frequencies },
    gathered.documents,
  );
  // Relevance first unless asked otherwise; ties keep the relevance order (rank.ts breaks its own ties).
  const position = new Map(ranked.map((r, i) => [r.key, i]));
  const by = (key: DocumentKey) => keys.get(key as number)!;
  const ordered =
    sort === 'relevance'
      ? ranked
      : [...ranked].sort(
          (a, b) =>
            (sort === 'year'
              ? by(b.key).year - by(a.key).year || by(a.key).awardRank - by(b.key).awardRank
              : by(a.key).awardRank - by(b.key).awardRank || by(b.key).year - by(a.key).year) ||
            position.get(a.key)! - position.get(b.key)! ||
            compareKeys(a.key, b.key),
        );
  const page = ordered.slice(offset, offset + input.pageSize);
  const entries = new Map(
    (
      await entriesByIds(
        db,
        page.map((r) => r.key as number),
      )
    ).map((e) => [e.id, e]),
  );
  const hits = page.flatMap((r) => {
    const row = entries.get(r.key as number);
    if (!row) return [];
    const fromAnswers = snippet(row.answers, query.terms);
    const cut = fromAnswers.some((s) => s.hit) ? fromAnswers : snippet(row.summary, query.terms);
    return [{ row, snippet: cut }];
  });
  return { hits, total: ordered.length, sort, corrections };
}
