import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChecks } from '../src/modules/admin-check/rows.js';
import { listQueue } from '../src/modules/admin-check/queue.js';
import { createTestDb, type TestDb } from './helpers/db.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp } from './helpers/fixtures.js';
import { receivedProposals } from './helpers/selection.js';

/*
 * The closing makes a year's check rows at once (3,500 in one statement). PostgreSQL's planner would then
 * plan the queue for the empty table it last saw (a nested loop over every row, ~30 ms a page instead of
 * 0.4 ms) until autovacuum's next pass, up to a minute or more later. So making a bulk of rows refreshes the
 * table's statistics in the same transaction. SQLite plans the queue by its index without statistics.
 */

const NOW = new Date('2026-05-03T02:00:00.000Z');

describe('administrative queue: the planner knows the rows the closing made', () => {
  let t: TestDb;
  let competitionId = 0;

  beforeAll(async () => {
    t = await createTestDb();
    const kipp = await publishedKipp(t.db, { organizerName: 'Kementerian Statistik Antrean', now: NOW });
    competitionId = kipp.competitionId;
    const inst = await makeInstitution(t.db, { type: 'pemerintah_kota' });
    const unit = await makeUnit(t.db, inst.id);
    const upp = await makeUser(t.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    await receivedProposals(t.db, {
      competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      n: 600,
    });
  });
  afterAll(() => t.drop());

  it('plans the first page of 600 fresh check rows from its index, not a scan of them all', async () => {
    await t.db.transaction().execute((tx) => ensureChecks(tx, competitionId, NOW));
    const { rows, total } = await listQueue(t.db, { competitionId }, { page: 1, pageSize: 50 });
    expect(rows).toHaveLength(50);
    expect(total).toBe(600);
    if (t.dialect === 'postgres') {
      const stats = await sql<{ reltuples: number }>`
        select reltuples::float8 as reltuples from pg_class where relname = 'admin_checks'`.execute(t.db);
      expect(Number(stats.rows[0]!.reltuples)).toBe(600);
    } else {
      const plan = await sql<{ detail: string }>`
        explain query plan select k.proposal_id from admin_checks k
        where k.competition_id = ${competitionId} order by k.proposal_id limit 50`.execute(t.db);
      expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(
        /USING (COVERING )?INDEX admin_checks_queue/,
      );
    }
  });
});
