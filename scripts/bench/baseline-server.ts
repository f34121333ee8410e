import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/*
 * The yardstick for saturation: a bare Fastify 5 route that inserts one row per request — no session, no
 * validation, no authorization, no audit — over better-sqlite3 (WAL, synchronous NORMAL, the pragmas Sinovik
 * uses) for a file, or over a pg pool (10 clients, as Sinovik's) for a postgres:// URL. It answers the same
 * PATCH the autosave generator sends, so the same generator measures both.
 * Run as a child of the benchmark: BASELINE_DB=<file or postgres://…> PORT=<port> node --import tsx baseline-server.ts
 */

const url = process.env.BASELINE_DB;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error('BASELINE_DB and PORT are required');

const CREATE = (id: string) =>
  `create table if not exists autosaves (id ${id}, proposal_id integer not null, version integer not null, body text not null, created_at text not null)`;

let insert: (proposalId: number, version: number, body: string, at: string) => Promise<unknown>;
let close: () => Promise<void>;
if (/^postgres(ql)?:\/\//.test(url)) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(CREATE('serial primary key'));
  insert = (...v) =>
    pool.query('insert into autosaves (proposal_id, version, body, created_at) values ($1, $2, $3, $4)', v);
  close = () => pool.end();
} else {
  const db = new SQLite(url);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(CREATE('integer primary key autoincrement'));
  const stmt = db.prepare(
    'insert into autosaves (proposal_id, version, body, created_at) values (?, ?, ?, ?)',
  );
  insert = async (...v) => stmt.run(...v);
  close = async () => void db.close();
}

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.get('/health', async () => ({ status: 'ok' }));
app.patch<{ Params: { id: string }; Body: { version: number } }>('/api/proposals/:id', async (req) => {
  const version = Number(req.body.version) + 1;
  await insert(Number(req.params.id), version, JSON.stringify(req.body), new Date().toISOString());
  return { version };
});

const stop = async () => {
  await app.close();
  await close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port, host: '127.0.0.1' });
