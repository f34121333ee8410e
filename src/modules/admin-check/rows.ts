import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/connect.js';
import { perDatabase } from '../../db/per-database.js';
import type { AdminCheckTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import { notFound, t } from '../../domain/errors.js';
import { RECEIVED_STATES } from '../../domain/proposal-workflow.js';
import { storeFingerprints } from '../near-duplicates/fingerprints.js';
import { scheduleNearDuplicateCheck } from '../near-duplicates/job.js';

/*
 * The check rows: one per received proposal of a competition. The closing makes them in its own
 * transaction (deadlines/closing.ts); a competition closed before this code existed gets them the first
 * time its queue is read (`ensureChecks`, idempotent: an insert of the missing ones).
 */

export type AdminCheckRow = Selectable<AdminCheckTable>;

export const checkNotFound = () =>
  notFound(
    t(
      'Proposal tidak ada dalam antrean seleksi administrasi.',
      'The proposal is not in the administrative queue.',
    ),
  );

/** Rows made at once from which the table's planner statistics are refreshed (a closing, not a straggler). */
const BULK_ROWS = 100;

/**
 * Makes the missing check rows of the competition's received proposals (one INSERT … SELECT), stores the
 * near-duplicate fingerprints of the proposals it made rows for, and schedules the competition's
 * near-duplicate check (the administrative check opens). Returns how many rows it made.
 */
export async function ensureChecks(db: Db, competitionId: number, now: Date): Promise<number> {
  const iso = now.toISOString();
  const res = await db
    .insertInto('admin_checks')
    .columns(['proposal_id', 'competition_id', 'created_at', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('proposals as p')
        .select([
          'p.id',
          'p.competition_id',
          sql<string>`cast(${iso} as varchar(32))`.as('created_at'),
          sql<string>`cast(${iso} as varchar(32))`.as('updated_at'),
        ])
        .where('p.competition_id', '=', competitionId)
        .where('p.state', 'in', [...RECEIVED_STATES])
        .where((w) =>
          w.not(
            w.exists(w.selectFrom('admin_checks as x').select('x.id').whereRef('x.proposal_id', '=', 'p.id')),
          ),
        ),
    )
    .executeTakeFirst();
  const made = Number(res.numInsertedOrUpdatedRows ?? 0);
  if (made) {
    await storeFingerprints(db, await unfingerprinted(db, competitionId), now);
    await scheduleNearDuplicateCheck(db, competitionId, now);
  }
  // The closing makes a year's rows at once: PostgreSQL's planner would go on planning the queue for the
  // empty table it last saw (a loop over every row per page, ~30 ms instead of 0.4 ms for 3,500) until
  // autovacuum's next pass. ANALYZE is allowed in a transaction and reads a sample: milliseconds.
  if (made >= BULK_ROWS && dialectOf(db) === 'postgres') await sql`analyze admin_checks`.execute(db);
  return made;
}

/**
 * The competitions whose queue this process has made complete: after the first look nothing new is received
 * without its row (the closing makes it; a completion keeps it), so the queue's pages skip the probe.
 */
const madeQueues = perDatabase(() => new Set<number>());

/**
 * Makes the competition's missing check rows once per process (the probe is an anti-join over every
 * received proposal: too much for each page of the queue).
 */
export async function ensureQueueOnce(db: Db, competitionId: number, now: Date): Promise<void> {
  const made = madeQueues(db);
  if (made.has(competitionId)) return;
  const missing = await db
    .selectFrom('proposals as p')
    .select('p.id')
    .where('p.competition_id', '=', competitionId)
    .where('p.state', 'in', [...RECEIVED_STATES])
    .where((w) =>
      w.not(
        w.exists(w.selectFrom('admin_checks as x').select('x.id').whereRef('x.proposal_id', '=', 'p.id')),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  if (missing) await ensureChecks(db, competitionId, now);
  made.add(competitionId);
}

/** The competition's checked proposals that have no near-duplicate fingerprint yet. */
async function unfingerprinted(db: Db, competitionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('admin_checks as x')
    .leftJoin('proposal_fingerprints as f', 'f.proposal_id', 'x.proposal_id')
    .select('x.proposal_id')
    .where('x.competition_id', '=', competitionId)
    .where('f.proposal_id', 'is', null)
    .execute();
  return rows.map((r) => r.proposal_id);
}

/** Writes one proposal's fingerprint again (after its answers changed). */
export async function refreshFingerprint(db: Db, proposalId: number, now: Date): Promise<void> {
  await storeFingerprints(db, [proposalId], now);
}

export async function findCheck(db: Db, proposalId: number): Promise<AdminCheckRow | undefined> {
  return db.selectFrom('admin_checks').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();
}

/** The newest completion request of a proposal. */
export async function latestCompletion(db: Db, proposalId: number) {
  return db
    .selectFrom('completion_requests')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The administrative stage's row (its settings hold the checklist). */
export async function administrativeStage(db: Db, competitionId: number) {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'administrative')
    .executeTakeFirst();
}

export async function userNames(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const list = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
