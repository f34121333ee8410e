import Fastify from 'fastify';
import SQLite from 'better-sqlite3';

/*
 * The yardstick of the gallery bench (issue 14 "Speed"): bare Fastify 5 routes over the same SQLite file,
 * better-sqlite3 straight, no validation, no cache, no ranking model:
 * - /search?terms=a,b: the entries holding any of the (already analyzed) terms by their summed frequency,
 *   top 20, with their rows — what any postings search must at least read;
 * - /list?…: the filtered page of 20 by year and award with its count (the list's own SQL, by hand);
 * - /stats: the five grouped counts (year, category, province, type, award set) with no assembly.
 * Run as a child of the benchmark: BASELINE_DB=<file> PORT=<port> node --import tsx …
 */

const file = process.env.BASELINE_DB;
const port = Number(process.env.PORT);
if (!file || !port) throw new Error('BASELINE_DB and PORT are required');

const db = new SQLite(file, { readonly: true });
db.pragma('journal_mode = WAL');

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));

app.get<{ Querystring: { terms?: string } }>('/search', async (req) => {
  const terms = (req.query.terms ?? '').split(',').filter(Boolean).slice(0, 10);
  if (!terms.length) return { items: [] };
  const marks = terms.map(() => '?').join(',');
  const ids = db
    .prepare(
      `select entry_id, sum(tf) as s from gallery_postings where term in (${marks}) group by entry_id order by s desc, entry_id limit 20`,
    )
    .all(...terms) as { entry_id: number }[];
  const rows = ids.length
    ? db
        .prepare(`select * from gallery_entries where id in (${ids.map(() => '?').join(',')})`)
        .all(...ids.map((r) => r.entry_id))
    : [];
  return { items: rows };
});

const COLUMNS: Record<string, string> = {
  year: 'year',
  province: 'province_code',
  regency: 'regency_code',
  category: 'category_key',
  participantType: 'institution_type',
  group: 'group_key',
};

app.get<{ Querystring: Record<string, string> }>('/list', async (req) => {
  const where: string[] = [];
  const args: (string | number)[] = [];
  for (const [k, col] of Object.entries(COLUMNS))
    if (req.query[k] !== undefined) {
      where.push(`${col} = ?`);
      args.push(k === 'year' ? Number(req.query[k]) : req.query[k]!);
    }
  if (req.query.award) {
    where.push('awards like ?');
    args.push(`%"${req.query.award}"%`);
  }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const order = req.query.sort === 'award' ? 'award_rank, year desc' : 'year desc, award_rank';
  const page = Math.max(1, Number(req.query.page ?? 1));
  const total = (db.prepare(`select count(*) as n from gallery_entries ${w}`).get(...args) as { n: number })
    .n;
  const items = db
    .prepare(`select * from gallery_entries ${w} order by ${order}, slug limit 20 offset ?`)
    .all(...args, (page - 1) * 20);
  return { items, total };
});

app.get('/stats', async () => {
  const by = (col: string) =>
    db.prepare(`select ${col} as k, count(*) as n from gallery_entries group by ${col}`).all();
  return {
    total: (db.prepare('select count(*) as n from gallery_entries').get() as { n: number }).n,
    years: by('year'),
    categories: by('category_key'),
    provinces: by('province_code'),
    types: by('institution_type'),
    awards: by('awards'),
  };
});

const stop = async () => {
  await app.close();
  db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port, host: '127.0.0.1' });
