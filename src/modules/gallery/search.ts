import type { Db } from '../../db/connect.js';
import { perDatabase, setRecent } from '../../db/per-database.js';
import type { GalleryEntryRow } from '../../db/schema.js';
import { compareKeys, rank, type DocumentKey } from '../../domain/search/rank.js';
import { gather, type PostingRow } from '../../domain/search/postings.js';
import { parseQuery, type QueryWord } from '../../domain/search/query.js';
import { snippet, type Segment } from '../../domain/search/snippet.js';
import { buildTypoIndex, type TypoIndex } from '../../domain/search/typo.js';
import { FIELDS, type Field } from '../../domain/search/fields.js';
import {
  corpusOf,
  documentFrequencies,
  entriesByIds,
  listEntries,
  writtenWordsOf,
  type GalleryFilter,
} from './queries.js';
import { cappedPostings, corpusStamp, postingsOfEntries } from './search-queries.js';

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
  /**
   * False when a term's read was cut at POSTINGS_PER_TERM_FIELD: the hits (and `total`) are the most
   * relevant candidates, not every entry with the word. True without a query or when no read was cut.
   */
  readonly complete: boolean;
}

const vocabularyOf = perDatabase(() => ({ stamp: '', words: null as Promise<TypoIndex> | null }));

/**
 * The postings read per term and field, best first (search-queries.ts): at 100,000 entries a common
 * word ("pelayanan") is in nearly every one, and reading all its postings takes far longer than the
 * search's 20 ms. The candidates are the entries of these reads; each is then scored on all the query's
 * terms, so a candidate's score is exact; an entry found by no capped read is not listed (the list then
 * holds the best candidates, not every entry with a common word, and the page says so: `complete`).
 */
export const POSTINGS_PER_TERM_FIELD = 50;

type CorpusCounts = Awaited<ReturnType<typeof corpusOf>>;

/**
 * What the index's counts are until it changes (its stamp moves): the field lengths' sums, and the
 * document frequency of each term asked — each a scan of the index that would otherwise run per search.
 */
const countsOf = perDatabase(() => ({
  stamp: '',
  corpus: null as Promise<CorpusCounts> | null,
  frequencies: new Map<string, number>(),
}));

/** Drops the kept vocabulary and counts (after an indexing committed; the stamp would see it too). */
export function forgetVocabulary(db: Db): void {
  vocabularyOf(db).words = null;
  const counts = countsOf(db);
  counts.stamp = '';
  counts.corpus = null;
  counts.frequencies.clear();
}

async function indexCounts(db: Db) {
  const stamp = await corpusStamp(db);
  const kept = countsOf(db);
  if (kept.stamp !== stamp || !kept.corpus) {
    kept.stamp = stamp;
    kept.frequencies = new Map();
    const corpus = corpusOf(db);
    kept.corpus = corpus;
    corpus.catch(() => {
      if (kept.corpus === corpus) kept.corpus = null;
    });
  }
  return { stamp, corpus: await kept.corpus, frequencies: kept.frequencies };
}

/** The document frequencies of these terms (absent when 0), read once per term until the index changes. */
async function frequenciesOf(db: Db, kept: Map<string, number>, terms: readonly string[]) {
  const missing = terms.filter((term) => !kept.has(term));
  if (missing.length) {
    const read = await documentFrequencies(db, missing);
    for (const term of missing) setRecent(kept, term, read.get(term) ?? 0, 10_000);
  }
  return new Map(terms.filter((term) => (kept.get(term) ?? 0) > 0).map((term) => [term, kept.get(term)!]));
}

/**
 * The candidates' postings of the query's terms: capped reads per term and field, then completed, and
 * whether every read was whole. Each read asks one row past the cap, so a term with exactly the cap's
 * postings in a field is known whole; the row past it is dropped (the candidates stay the cap's best).
 */
async function candidatePostings(db: Db, terms: readonly string[], filter: GalleryFilter) {
  const reads = await Promise.all(
    terms.map(async (term) => {
      const rows = await Promise.all(
        FIELDS.map((field) => cappedPostings(db, term, field, filter, POSTINGS_PER_TERM_FIELD + 1)),
      );
      return {
        term,
        rows: rows.flatMap((r) => r.slice(0, POSTINGS_PER_TERM_FIELD)),
        cut: rows.some((r) => r.length > POSTINGS_PER_TERM_FIELD),
      };
    }),
  );
  const found = reads.flatMap((r) => r.rows);
  // A term read whole has all its postings in the candidates here; a term cut short is read again in them.
  const cut = reads.filter((r) => r.cut).map((r) => r.term);
  if (!cut.length) return { rows: found, complete: true };
  const entries = new Map(found.map((r) => [r.id, r]));
  const ids = [...entries.keys()].sort((a, b) => a - b);
  const completed = (await postingsOfEntries(db, cut, ids)).map((p) => ({
    ...entries.get(p.entry_id)!,
    term: p.term,
    field: p.field,
    tf: p.tf,
  }));
  return { rows: [...reads.filter((r) => !r.cut).flatMap((r) => r.rows), ...completed], complete: false };
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
      complete: true,
    };
  }
  const sort = input.sort ?? 'relevance';
  const { stamp, corpus, frequencies: kept } = await indexCounts(db);
  const plain = parseQuery(q);
  const known = await frequenciesOf(db, kept, plain.terms);
  const words = await typoIndex(db, stamp);
  const query = parseQuery(q, { hasTerm: (term) => known.has(term), words });
  const corrections = query.words.filter((w) => w.correctedTo.length > 0);
  if (!query.terms.length) return { hits: [], total: 0, sort, corrections, complete: true };

  const frequencies = await frequenciesOf(db, kept, query.terms);
  const { rows, complete } = await candidatePostings(
    db,
    query.terms.filter((term) => frequencies.has(term)),
    input.filter,
  );
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
  // When a read was cut, year and award order the most relevant candidates only (`complete` says so).
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
  return { hits, total: ordered.length, sort, corrections, complete };
}
