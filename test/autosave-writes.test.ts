import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { groupCommitStats } from '../src/db/group-commit.js';
import { preparedStats } from '../src/db/prepared.js';
import { countWords } from '../src/domain/proposal-rules.js';
import { autosaveProposal } from '../src/modules/proposals/commands/autosave-proposal.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import {
  countRows,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';

/*
 * The autosave's writes (modules/proposals/save-writes.ts): on PostgreSQL the common autosave — it joins its
 * open revision — writes the proposal row and its changed answers in one statement, without a transaction;
 * an autosave that starts a revision (its audit row) takes one, as every autosave does on SQLite. Either
 * way a save from a stale version writes nothing at all.
 */
const NOW = new Date('2026-04-01T03:00:00.000Z');

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('waited 10 s for the saves to wait on the row lock');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('autosave writes', () => {
  let ctx: TestContext;
  let competitionId: number;
  let uppId: number;
  let cookie: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    ({ competitionId } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Tulis Simpan',
      now: NOW,
    }));
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Tulis Simpan' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Tulis Simpan');
    uppId = (await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id })).id;
    cookie = await sessionCookie(ctx, uppId);
  });
  afterAll(async () => ctx.close());

  const created = async (title: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/proposals`,
      headers: { cookie },
      payload: { groupKey: 'umum', title },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ProposalDetail;
  };
  /** One autosave as the UPP at `at`, with what it cost: prepared statements run and transactions opened. */
  const autosave = async (id: number, body: { version: number } & Record<string, unknown>, at = NOW) => {
    const runs = preparedStats.runs;
    const transactions = groupCommitStats(ctx.db).transactions;
    const result = await autosaveProposal(ctx.db, { id, body, actorUserId: uppId, ip: null, now: at });
    return {
      ...result,
      statements: preparedStats.runs - runs,
      transactions: groupCommitStats(ctx.db).transactions - transactions,
    };
  };
  const answersOf = async (id: number) =>
    Object.fromEntries(
      (
        await ctx.db
          .selectFrom('proposal_answers as a')
          .innerJoin('form_sections as s', 's.id', 'a.section_id')
          .select(['s.key', 'a.text', 'a.word_count'])
          .where('a.proposal_id', '=', id)
          .execute()
      ).map((a) => [a.key, `${a.text} (${a.word_count})`]),
    );
  const rowOf = (id: number) =>
    ctx.db
      .selectFrom('proposals')
      .select(['version', 'acronym', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('starts a revision in a transaction (with its audit row), then joins it: the row and one answer in one statement', async () => {
    const p = await created('Layanan Tulis Sekali');
    const revisions = await countRows(ctx.db, 'proposal_revisions');
    const audits = await countRows(ctx.db, 'audit_events');
    const first = await autosave(p.id, { version: p.version, acronym: 'SATU' });
    expect(first.transactions).toBe(1);
    expect(await countRows(ctx.db, 'proposal_revisions')).toBe(revisions + 1);
    expect(await countRows(ctx.db, 'audit_events')).toBe(audits + 1);

    // Ten seconds later, by the same person: it joins the open revision.
    const later = new Date(NOW.getTime() + 10_000);
    const joined = await autosave(
      p.id,
      {
        version: first.version,
        acronym: 'DUA',
        answers: [{ sectionKey: 'ringkasan', text: 'Izin terbit sehari.' }],
      },
      later,
    );
    // The view, then the write: on PostgreSQL one statement outside any transaction; on SQLite the update and
    // the answer in a (group-committed) transaction.
    expect(joined.statements).toBe(ctx.testDb.dialect === 'postgres' ? 2 : 3);
    expect(joined.transactions).toBe(ctx.testDb.dialect === 'postgres' ? 0 : 1);
    expect(await rowOf(p.id)).toEqual({
      version: first.version + 1,
      acronym: 'DUA',
      updated_at: later.toISOString(),
    });
    expect(await answersOf(p.id)).toEqual({ ringkasan: 'Izin terbit sehari. (3)' });
    expect(await countRows(ctx.db, 'proposal_revisions')).toBe(revisions + 1);
    expect(await countRows(ctx.db, 'audit_events')).toBe(audits + 1);

    // The same answer changed again: updated in place by the same statement.
    const again = await autosave(p.id, {
      version: joined.version,
      answers: [{ sectionKey: 'ringkasan', text: 'Izin terbit dalam satu hari kerja.' }],
    });
    expect(again.transactions).toBe(ctx.testDb.dialect === 'postgres' ? 0 : 1);
    expect(await answersOf(p.id)).toEqual({ ringkasan: 'Izin terbit dalam satu hari kerja. (6)' });
  });

  it('writes several changed answers with the row: one statement on PostgreSQL, one transaction on SQLite', async () => {
    const p = await created('Layanan Tulis Banyak');
    const first = await autosave(p.id, { version: p.version, acronym: 'BANYAK' });
    // Texts as PostgreSQL's array syntax would misread them if they were not sent as parameters.
    const odd = 'Kata "kutip", {kurung} \\ miring, NULL';
    const both = await autosave(p.id, {
      version: first.version,
      answers: [
        { sectionKey: 'ringkasan', text: 'Satu dua tiga.' },
        { sectionKey: 'kebaruan', text: odd },
      ],
    });
    expect(both.statements).toBe(ctx.testDb.dialect === 'postgres' ? 2 : 4);
    expect(both.transactions).toBe(ctx.testDb.dialect === 'postgres' ? 0 : 1);
    expect(await answersOf(p.id)).toEqual({
      ringkasan: 'Satu dua tiga. (3)',
      kebaruan: `${odd} (${countWords(odd)})`,
    });
  });

  it('of two saves from the same version at once, stores one whole (row and answer) and refuses the other with the server copy', async () => {
    const p = await created('Layanan Tulis Kembar');
    const first = await autosave(p.id, { version: p.version, acronym: 'AWAL' });
    const race = () =>
      Promise.allSettled(
        ['KIRI', 'KANAN'].map((acronym) =>
          autosave(p.id, {
            version: first.version,
            acronym,
            answers: [{ sectionKey: 'ringkasan', text: `Dari tab ${acronym.toLowerCase()}.` }],
          }),
        ),
      );
    // Both must read the proposal at this version before either writes, so that the write is what refuses
    // the second. SQLite: group commit runs both writes after both reads. PostgreSQL: another transaction
    // holds the row until both writes wait for it (reads are not blocked).
    let settled: PromiseSettledResult<unknown>[];
    if (ctx.testDb.dialect === 'postgres') {
      const { pending } = await ctx.db.transaction().execute(async (tx) => {
        await sql`select id from proposals where id = ${p.id} for update`.execute(tx);
        const started = race();
        await waitUntil(async () => {
          const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(ctx.db);
          return r.rows[0].n === 2;
        });
        return { pending: started };
      });
      settled = await pending;
    } else settled = await race();
    const [a] = settled;
    expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = a.status === 'fulfilled' ? 'KIRI' : 'KANAN';
    const refused = settled.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      status: 409,
      code: 'version_conflict',
      details: { currentVersion: first.version + 1, server: { acronym: winner } },
    });
    expect(await rowOf(p.id)).toMatchObject({ version: first.version + 1, acronym: winner });
    expect(await answersOf(p.id)).toEqual({ ringkasan: `Dari tab ${winner.toLowerCase()}. (3)` });
  });
});
