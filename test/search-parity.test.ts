import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, EXPECTED_ORDERS } from '../src/domain/search/corpus.fixtures.js';
import { FIELDS, type Field } from '../src/domain/search/fields.js';
import { gather, indexDocument, writtenWords, type PostingRow } from '../src/domain/search/postings.js';
import { parseQuery, type Vocabulary } from '../src/domain/search/query.js';
import { rank, type DocumentKey } from '../src/domain/search/rank.js';
import { buildTypoIndex } from '../src/domain/search/typo.js';
import { createTestDb, type TestDb } from './helpers/db.js';

/*
 * The search core's claim (docs/ARCHITECTURE.md, "Search"): postings written by the app to ordinary tables and
 * read back by term give the same ranking on SQLite and PostgreSQL. A probe table of this test's own
 * database (the gallery's tables do not exist yet) holds the six-innovation corpus; each query is
 * corrected against the stored words, then reads its terms' rows with WHERE term IN (…) and ranks them. Run with DATABASE_URL for PostgreSQL.
 */

// A type, not an interface: Kysely's withTables wants an index signature, which only a type alias has.
type ProbeTables = {
  search_probe_postings: { doc: string; term: string; field: string; tf: number };
  search_probe_documents: {
    doc: string;
    title_length: number;
    acronym_length: number;
    answers_length: number;
  };
  search_probe_words: { word: string };
};

describe('the same ranking from postings stored in the database', () => {
  let t: TestDb;
  const probe = () => t.db.withTables<ProbeTables>();

  beforeAll(async () => {
    t = await createTestDb();
    await probe()
      .schema.createTable('search_probe_postings')
      .addColumn('doc', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('tf', 'integer', (c) => c.notNull())
      .execute();
    await probe()
      .schema.createIndex('search_probe_term')
      .on('search_probe_postings')
      .column('term')
      .execute();
    await probe()
      .schema.createTable('search_probe_documents')
      .addColumn('doc', 'text', (c) => c.primaryKey())
      .addColumn('title_length', 'integer', (c) => c.notNull())
      .addColumn('acronym_length', 'integer', (c) => c.notNull())
      .addColumn('answers_length', 'integer', (c) => c.notNull())
      .execute();
    await probe()
      .schema.createTable('search_probe_words')
      .addColumn('word', 'text', (c) => c.primaryKey())
      .execute();
    const words = new Set(Object.values(CORPUS).flatMap(writtenWords));
    await probe()
      .insertInto('search_probe_words')
      .values([...words].map((word) => ({ word })))
      .execute();
    for (const [doc, fields] of Object.entries(CORPUS)) {
      const indexed = indexDocument(fields);
      await probe()
        .insertInto('search_probe_documents')
        .values({
          doc,
          title_length: indexed.lengths.title,
          acronym_length: indexed.lengths.acronym,
          answers_length: indexed.lengths.answers,
        })
        .execute();
      await probe()
        .insertInto('search_probe_postings')
        .values(indexed.postings.map((p) => ({ doc, ...p })))
        .execute();
    }
  });
  afterAll(async () => t?.drop());

  /** The vocabulary as a store reads it: the written words, and the query words' terms that have postings. */
  async function vocabulary(query: string): Promise<Vocabulary> {
    const wanted = parseQuery(query).terms;
    const known = wanted.length
      ? await probe()
          .selectFrom('search_probe_postings')
          .select('term')
          .distinct()
          .where('term', 'in', wanted)
          .execute()
      : [];
    const words = await probe().selectFrom('search_probe_words').select('word').execute();
    const terms = new Set(known.map((r) => r.term));
    return { hasTerm: (term) => terms.has(term), words: buildTypoIndex(words.map((w) => w.word)) };
  }

  async function searchStored(query: string) {
    const { terms } = parseQuery(query, await vocabulary(query));
    if (!terms.length) return [];
    const rows = await probe()
      .selectFrom('search_probe_postings')
      .select(['doc', 'term', 'field', 'tf'])
      .where('term', 'in', terms)
      .execute();
    const documents = await probe().selectFrom('search_probe_documents').selectAll().execute();
    const lengths = new Map<DocumentKey, Record<Field, number>>(
      documents.map((d) => [
        d.doc,
        {
          title: Number(d.title_length),
          acronym: Number(d.acronym_length),
          answers: Number(d.answers_length),
        },
      ]),
    );
    const totalLengths = { title: 0, acronym: 0, answers: 0 };
    for (const l of lengths.values()) for (const f of FIELDS) totalLengths[f] += l[f];
    const postings: PostingRow[] = rows.map((r) => ({
      key: r.doc,
      term: r.term,
      field: r.field as Field,
      tf: Number(r.tf),
    }));
    const gathered = gather(postings, lengths, { documents: documents.length, totalLengths });
    return rank(terms, gathered.corpus, gathered.documents);
  }

  /** The same computation without a database: the reference both dialects must equal. */
  function searchInMemory(query: string) {
    const { terms } = parseQuery(query);
    const postings: PostingRow[] = [];
    const lengths = new Map<DocumentKey, Record<Field, number>>();
    const totalLengths = { title: 0, acronym: 0, answers: 0 };
    for (const [key, fields] of Object.entries(CORPUS)) {
      const indexed = indexDocument(fields);
      lengths.set(key, { ...indexed.lengths });
      for (const f of FIELDS) totalLengths[f] += indexed.lengths[f];
      for (const p of indexed.postings) if (terms.includes(p.term)) postings.push({ key, ...p });
    }
    const gathered = gather(postings, lengths, { documents: Object.keys(CORPUS).length, totalLengths });
    return rank(terms, gathered.corpus, gathered.documents);
  }

  it.each(EXPECTED_ORDERS)(
    '"%s": the expected order, with the very scores computed without a database',
    async (query, order) => {
      const stored = await searchStored(query);
      expect(stored.map((r) => r.key)).toEqual(order);
      expect(stored).toEqual(searchInMemory(query));
    },
  );

  it('finds a typo through the stored words, and nothing for stop words only', async () => {
    expect((await searchStored('kependudkan')).map((r) => r.key)).toEqual(['inv-1', 'inv-6', 'inv-2']);
    expect(await searchStored('kependudkan')).toEqual(await searchStored('kependudukan'));
    expect(await searchStored('yang dan di')).toEqual([]);
  });
});
