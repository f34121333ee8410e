import Fastify from 'fastify';
import SQLite from 'better-sqlite3';

/*
 * The yardstick of the public results page (issue 13 "Speed"): a bare Fastify 5 route that reads the
 * published results' announcement row of a competition (one indexed select through the driver, better-
 * sqlite3 with the pragmas Sinovik uses) and sends its entries — no cache, no competition check, no
 * presentation. Run as a child of the benchmark: BASELINE_DB=<file> PORT=<port> node --import tsx …
 */

const file = process.env.BASELINE_DB;
const port = Number(process.env.PORT);
if (!file || !port) throw new Error('BASELINE_DB and PORT are required');

const db = new SQLite(file, { readonly: true });
db.pragma('journal_mode = WAL');
const select = db.prepare(
  "select letter_number, published_at, entries from announcements where competition_id = ? and kind = 'final_results'",
);

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/results/:id', async (req, reply) => {
  const row = select.get(Number(req.params.id)) as
    { letter_number: string; published_at: string; entries: string } | undefined;
  if (!row) return reply.code(404).send({ error: 'not published' });
  return { decreeNumber: row.letter_number, publishedAt: row.published_at, entries: JSON.parse(row.entries) };
});

const stop = async () => {
  await app.close();
  db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port, host: '127.0.0.1' });
