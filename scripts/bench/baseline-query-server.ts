import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/*
 * The yardstick of the administrative queue: a bare Fastify 5 route that selects the same page of the same
 * rows as Sinovik's queue (admin_checks joined with proposals, groups, categories and institutions, the
 * same columns, ordered by proposal id, limit/offset, plus the count) straight through the driver — no
 * session, no validation, no authorization, no status counts, no presentation. Over the same database the
 * started Sinovik uses: a SQLite file (better-sqlite3, the pragmas Sinovik uses) or PostgreSQL (pg pool).
 * Run as a child of the benchmark: BASELINE_DB=<file or postgres://…> PORT=<port> node --import tsx …
 */

const url = process.env.BASELINE_DB;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error('BASELINE_DB and PORT are required');
const isPg = /^postgres(ql)?:\/\//.test(url);

const COLUMNS = `k.proposal_id, k.outcome, k.round, k.reason_code, k.claimed_by, k.claimed_until,
  k.decided_by, k.decided_at, k.published_at, k.completed_at, k.version, p.code, p.title, p.state,
  p.institution_id, i.name as institution_name, g.key as group_key, g.name_id as group_name_id,
  g.name_en as group_name_en, cat.key as category_key, cat.name_id as category_name_id,
  cat.name_en as category_name_en`;
const FROM = `from admin_checks k join proposals p on p.id = k.proposal_id
  join competition_groups g on g.id = p.group_id left join categories cat on cat.id = p.category_id
  join institutions i on i.id = p.institution_id`;

/** The page's SQL with numbered ($n) or positional (?) parameters. */
function queries(search: boolean, unchecked: boolean, mark: (n: number) => string) {
  let where = `where k.competition_id = ${mark(1)}`;
  let n = 1;
  if (unchecked) where += ' and k.outcome is null and k.round = 1';
  if (search) {
    const m = mark(++n);
    where += ` and (lower(p.title) like ${m} or lower(p.code) like ${m} or lower(i.name) like ${m})`;
  }
  return {
    page: `select ${COLUMNS} ${FROM} ${where} order by k.proposal_id limit ${mark(n + 1)} offset ${mark(n + 2)}`,
    count: `select count(*) as n ${FROM} ${where}`,
  };
}

type Run = (
  search: string | null,
  unchecked: boolean,
  competitionId: number,
  limit: number,
  offset: number,
) => Promise<{ items: unknown[]; total: number }>;

let run: Run;
let close: () => Promise<void>;
if (isPg) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  run = async (search, unchecked, competitionId, limit, offset) => {
    const q = queries(search !== null, unchecked, (n) => `$${n}`);
    const args: unknown[] = search !== null ? [competitionId, `%${search}%`] : [competitionId];
    const [rows, count] = await Promise.all([
      pool.query(q.page, [...args, limit, offset]),
      pool.query(q.count, args),
    ]);
    return { items: rows.rows, total: Number(count.rows[0].n) };
  };
  close = () => pool.end();
} else {
  const db = new SQLite(url);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const prepared = new Map<string, { page: SQLite.Statement; count: SQLite.Statement }>();
  run = async (search, unchecked, competitionId, limit, offset) => {
    const key = `${search !== null}:${unchecked}`;
    let s = prepared.get(key);
    if (!s) {
      const q = queries(search !== null, unchecked, () => '?');
      s = { page: db.prepare(q.page), count: db.prepare(q.count) };
      prepared.set(key, s);
    }
    // Positional parameters: the pattern once for each of the three columns.
    const args: unknown[] =
      search !== null ? [competitionId, ...Array(3).fill(`%${search}%`)] : [competitionId];
    return {
      items: s.page.all(...args, limit, offset),
      total: Number((s.count.get(...args) as { n: number }).n),
    };
  };
  close = async () => {
    db.close();
  };
}

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Querystring: Record<string, string | undefined> }>('/queue', async (req) => {
  const q = req.query;
  const pageSize = Number(q.pageSize ?? 50);
  const page = Number(q.page ?? 1);
  return run(
    q.q ? q.q.toLowerCase() : null,
    q.status === 'unchecked',
    Number(q.competitionId),
    pageSize,
    (page - 1) * pageSize,
  );
});

const stop = async () => {
  await app.close();
  await close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port, host: '127.0.0.1' });
