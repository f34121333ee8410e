import Fastify from 'fastify';
import SQLite from 'better-sqlite3';

/*
 * The yardstick for saturation: a bare Fastify 5 route over better-sqlite3 (WAL, synchronous NORMAL, the
 * pragmas Sinovik uses) that inserts one row per request — no session, no validation, no authorization,
 * no audit. It answers the same PATCH the autosave generator sends, so the same generator measures both.
 * Run as a child of the benchmark: BASELINE_DB=<file> PORT=<port> node --import tsx baseline-server.ts
 */

const file = process.env.BASELINE_DB;
const port = Number(process.env.PORT);
if (!file || !port) throw new Error('BASELINE_DB and PORT are required');

const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'create table if not exists autosaves (id integer primary key autoincrement, proposal_id integer not null, version integer not null, body text not null, created_at text not null)',
);
const insert = db.prepare(
  'insert into autosaves (proposal_id, version, body, created_at) values (?, ?, ?, ?)',
);

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.get('/health', async () => ({ status: 'ok' }));
app.patch<{ Params: { id: string }; Body: { version: number } }>('/api/proposals/:id', async (req) => {
  const version = Number(req.body.version) + 1;
  insert.run(Number(req.params.id), version, JSON.stringify(req.body), new Date().toISOString());
  return { version };
});

const stop = async () => {
  await app.close();
  db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port, host: '127.0.0.1' });
